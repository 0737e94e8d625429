import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseNulInPathParams, validateBody } from "../../../../utils/request-guards"
import { AdminEmptyBody } from "./validators"

/** A customer's sessions (admin authentication is applied by Medusa to every /admin route). */
export const adminCustomerSessionMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/customers/:id/sessions", middlewares: [refuseNulInPathParams] },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/sessions/revoke",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminEmptyBody)],
  },
]
