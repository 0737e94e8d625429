import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../../utils/request-guards"
import { StoreGetCustomerPreferencesParams, StoreUpdateCustomerPreferences } from "./validators"

const queryConfig = { defaults: [], isList: false }

/** The logged-in customer's preferences (core `authenticate` covers /store/customers/me*). */
export const storeCustomerPreferenceMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/customers/me/preferences",
    middlewares: [...validateQuery(StoreGetCustomerPreferencesParams, queryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/store/customers/me/preferences",
    middlewares: [
      ...validateBody(StoreUpdateCustomerPreferences),
      ...validateQuery(StoreGetCustomerPreferencesParams, queryConfig),
    ],
  },
]
