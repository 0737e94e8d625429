import {
  validateAndTransformBody,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { refuseHostileBodies, refuseNulInPathParams } from "../../../../utils/request-guards"
import { AdminEmptyBody, AdminSetCustomerPassword } from "./validators"

export const adminCustomerPasswordMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/password",
    middlewares: [refuseNulInPathParams, refuseHostileBodies, validateAndTransformBody(AdminSetCustomerPassword)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/password-strength",
    middlewares: [refuseNulInPathParams, refuseHostileBodies, validateAndTransformBody(AdminSetCustomerPassword)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/password-reset",
    middlewares: [refuseNulInPathParams, refuseHostileBodies, validateAndTransformBody(AdminEmptyBody)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/security/unlock",
    middlewares: [refuseNulInPathParams, refuseHostileBodies, validateAndTransformBody(AdminEmptyBody)],
  },
]
