import {
  validateAndTransformBody,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { AdminEmptyBody, AdminSetCustomerPassword } from "./validators"

export const adminCustomerPasswordMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/password",
    middlewares: [validateAndTransformBody(AdminSetCustomerPassword)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/password-strength",
    middlewares: [validateAndTransformBody(AdminSetCustomerPassword)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/password-reset",
    middlewares: [validateAndTransformBody(AdminEmptyBody)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/security/unlock",
    middlewares: [validateAndTransformBody(AdminEmptyBody)],
  },
]
