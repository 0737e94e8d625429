import { z } from "zod"
import {
  type AuthenticatedMedusaRequest,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { CustomerPreferencesResponse } from "../../types/customer-preference"
import { readCustomerPreferences } from "../../utils/customer-preferences"
import {
  updateCustomerPreferencesWorkflow,
  validateCustomerPreferences,
} from "../../workflows/customer-preference"
import { assertCustomerExists } from "./customers"
import {
  noNul,
  refuseNulInPathParams,
  storableText,
  validateBody,
  validateQuery,
} from "./request-guards"

const nullableId = (field: string) => z.string().min(1).max(100).refine(...noNul(field)).nullable().optional()

/**
 * A partial preferences update, shared by the store and admin routes and by
 * `additional_data.preferences` on the core customer routes.
 */
export const UpdateCustomerPreferencesSchema = z
  .object({
    locale: z.string().min(2).max(35).nullable().optional(),
    preferred_shipping_option_id: nullableId("preferred_shipping_option_id"),
    default_shipping_address_id: nullableId("default_shipping_address_id"),
    default_billing_address_id: nullableId("default_billing_address_id"),
    communication: z
      .object({
        email_marketing: z.boolean().optional(),
        sms_marketing: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
export type UpdateCustomerPreferencesType = z.infer<typeof UpdateCustomerPreferencesSchema>

/** `fields=*shipping_option` (or `+shipping_option`) expands the preferred option. */
export const GetCustomerPreferencesParams = z
  .object({
    fields: z
      .string()
      .regex(/^[*+]?shipping_option(\.\*)?$/, "fields may only be *shipping_option")
      .optional(),
  })
  .strict()
export type GetCustomerPreferencesParamsType = z.infer<typeof GetCustomerPreferencesParams>

export const wantsShippingOption = (fields?: string) => !!fields?.includes("shipping_option")

export function customerNotFound(customerId: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${customerId} was not found`)
}

type PreferencesRequest = AuthenticatedMedusaRequest<
  UpdateCustomerPreferencesType,
  GetCustomerPreferencesParamsType
>

/**
 * GET and POST handlers for one customer's preferences; the store and admin
 * routes differ only in whose preferences they serve.
 */
export function customerPreferencesHandlers(customerIdOf: (req: PreferencesRequest) => string) {
  const respond = async (req: PreferencesRequest, res: MedusaResponse<CustomerPreferencesResponse>) => {
    const customerId = customerIdOf(req)
    const preferences = await readCustomerPreferences(req.scope, customerId, {
      withShippingOption: wantsShippingOption(req.validatedQuery.fields as string | undefined),
    })
    if (!preferences) {
      throw customerNotFound(customerId)
    }
    res.json({ preferences })
  }

  return {
    GET: respond,
    /** Partial update, then the preferences as they now are. */
    POST: async (req: PreferencesRequest, res: MedusaResponse<CustomerPreferencesResponse>) => {
      const customerId = customerIdOf(req)
      await assertCustomerExists(req.scope, customerId)
      await updateCustomerPreferencesWorkflow(req.scope).run({
        input: { customer_id: customerId, update: req.validatedBody },
      })
      await respond(req, res)
    },
  }
}

const queryConfig = { defaults: [], isList: false }

/** Validation middlewares of a preferences route (GET query, POST body and query). */
export function customerPreferencesRouteMiddlewares(matcher: string): MiddlewareRoute[] {
  return [
    {
      method: ["GET"],
      matcher,
      middlewares: [
        refuseNulInPathParams,
        ...validateQuery(GetCustomerPreferencesParams, queryConfig),
      ],
    },
    {
      method: ["POST"],
      matcher,
      middlewares: [
        refuseNulInPathParams,
        ...validateBody(UpdateCustomerPreferencesSchema),
        ...validateQuery(GetCustomerPreferencesParams, queryConfig),
      ],
    },
  ]
}

/**
 * `POST /admin/customers/:id` with `additional_data.preferences`: checks the
 * preferences before Medusa updates the customer, and refuses them (400)
 * while nothing is written yet. Refused later, in the `customersUpdated`
 * hook, Medusa would roll its update back with a compensation that (in
 * 2.21.2) writes back only the fields the update named, and sets the
 * e-mail, phone and metadata it did not read to null.
 */
export async function validatePreferencesBeforeCustomerUpdate(
  req: MedusaRequest<{ additional_data?: { preferences?: unknown } | null }>,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const customerId = req.params.id
  const parsed = UpdateCustomerPreferencesSchema.safeParse(req.body?.additional_data?.preferences)
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
