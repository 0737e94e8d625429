import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseNulInPathParams, validateBody } from "../../../../utils/request-guards"
import { AdminEmptyBody, AdminSetCustomerPassword } from "./validators"

export const adminCustomerPasswordMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/password",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminSetCustomerPassword)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/password-strength",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminSetCustomerPassword)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/password-reset",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminEmptyBody)],
  },
]
