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

/** The logged-in customer's preferences (core `authenticate` covers /store/customers/me*). */
export const storeCustomerPreferenceMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/customers/me/preferences",
    middlewares: [validateAndTransformQuery(GetCustomerPreferencesParams, queryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/store/customers/me/preferences",
    middlewares: [
      validateAndTransformBody(UpdateCustomerPreferencesSchema),
      validateAndTransformQuery(GetCustomerPreferencesParams, queryConfig),
    ],
  },
]
