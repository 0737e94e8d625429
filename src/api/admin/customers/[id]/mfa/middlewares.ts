import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseNulInPathParams, validateBody } from "../../../../utils/request-guards"
import { AdminEmptyBody } from "../password/validators"

/** Admin authentication is applied by Medusa to every /admin route. */
export const adminCustomerMfaMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/mfa",
    middlewares: [refuseNulInPathParams],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/mfa/reset",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminEmptyBody)],
  },
]
