import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseNulInPathParams, validateBody } from "../../../../utils/request-guards"
import { AdminEmptyBody } from "../password/validators"

/** Admin authentication is applied by Medusa to every /admin route. */
export const adminCustomerEmailVerificationMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/email-verification",
    middlewares: [refuseNulInPathParams],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/email-verification/resend",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminEmptyBody)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/email-verification/verify",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminEmptyBody)],
  },
]
