import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { storableText } from "../../../../../lib/text"
import { validateCustomerPreferences } from "../../../../../workflows/customer-preference"
import { refuseNulInPathParams, validateBody, validateQuery } from "../../../../utils/request-guards"
import { AdminGetCustomerPreferencesParams, AdminUpdateCustomerPreferences } from "./validators"

/**
 * `POST /admin/customers/:id` with `additional_data.preferences`: checks the
 * preferences before Medusa updates the customer, and refuses them (400)
 * while nothing is written yet. Refused later, in the `customersUpdated`
 * hook, Medusa would roll its update back with a compensation that (in
 * 2.21.2) writes back only the fields the update named, and sets the
 * e-mail, phone and metadata it did not read to null.
 */
async function validatePreferencesBeforeCustomerUpdate(
  req: MedusaRequest<{ additional_data?: { preferences?: unknown } | null }>,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const customerId = req.params.id
  const parsed = AdminUpdateCustomerPreferences.safeParse(req.body?.additional_data?.preferences)
  // Malformed preferences are refused by Medusa's validator; unknown
  // customers get Medusa's own answer.
  if (!parsed.success || !storableText(customerId)) {
    return next()
  }
  const [customer] = await req.scope
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: customerId }, { select: ["id"] })
  if (customer) {
    await validateCustomerPreferences(req.scope, customerId, parsed.data)
  }
  next()
}

const queryConfig = { defaults: [], isList: false }

/**
 * Any customer's preferences, and `additional_data.preferences` on Medusa's
 * own customer create/update routes (handled by workflow hooks).
 */
export const adminCustomerPreferenceMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/preferences",
    middlewares: [refuseNulInPathParams, ...validateQuery(AdminGetCustomerPreferencesParams, queryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/preferences",
    middlewares: [
      refuseNulInPathParams,
      ...validateBody(AdminUpdateCustomerPreferences),
      ...validateQuery(AdminGetCustomerPreferencesParams, queryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers",
    additionalDataValidator: { preferences: AdminUpdateCustomerPreferences.optional() },
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id",
    middlewares: [validatePreferencesBeforeCustomerUpdate],
    additionalDataValidator: { preferences: AdminUpdateCustomerPreferences.optional() },
  },
]
