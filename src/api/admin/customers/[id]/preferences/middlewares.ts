import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  GetCustomerPreferencesParams,
  UpdateCustomerPreferencesSchema,
} from "../../../../utils/customer-preferences"

const queryConfig = { defaults: [], isList: false }

/**
 * Any customer's preferences, and `additional_data.preferences` on Medusa's
 * own customer create/update routes (handled by workflow hooks).
 */
export const adminCustomerPreferenceMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/preferences",
    middlewares: [validateAndTransformQuery(GetCustomerPreferencesParams, queryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/preferences",
    middlewares: [
      validateAndTransformBody(UpdateCustomerPreferencesSchema),
      validateAndTransformQuery(GetCustomerPreferencesParams, queryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers",
    additionalDataValidator: { preferences: UpdateCustomerPreferencesSchema.optional() },
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id",
    additionalDataValidator: { preferences: UpdateCustomerPreferencesSchema.optional() },
  },
]
