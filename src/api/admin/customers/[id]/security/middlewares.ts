import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseNulInPathParams, validateBody } from "../../../../utils/request-guards"
import { AdminEmptyBody } from "../password/validators"
import { AdminUnblockIp } from "./validators"

export const adminCustomerSecurityMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/security",
    middlewares: [refuseNulInPathParams],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/security/unlock",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminEmptyBody)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/security/unblock-ip",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminUnblockIp)],
  },
]
