import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../../utils/request-guards"
import { StoreGetCustomerActivityParams } from "./validators"

/** The logged-in customer's security timeline (core `authenticate` covers /store/customers/me*); read-only. */
export const storeCustomerActivityMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/customers/me/activity",
    middlewares: [...validateQuery(StoreGetCustomerActivityParams, { defaults: [], isList: true })],
  },
]
