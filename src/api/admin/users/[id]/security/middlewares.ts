import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseNulInPathParams, validateBody } from "../../../../utils/request-guards"
import { AdminEmptyBody, AdminUnblockIp } from "./validators"

export const adminUserSecurityMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/users/:id/security",
    middlewares: [refuseNulInPathParams],
  },
  {
    method: ["POST"],
    matcher: "/admin/users/:id/security/unlock",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminEmptyBody)],
  },
  {
    method: ["POST"],
    matcher: "/admin/users/:id/security/unblock-ip",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminUnblockIp)],
  },
]
