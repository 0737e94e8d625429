import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseNulInPathParams, validateBody } from "../../../../utils/request-guards"
import { AdminUnblockIp } from "./validators"

/** `POST .../security/unlock` is validated with the other password routes. */
export const adminCustomerSecurityMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/security",
    middlewares: [refuseNulInPathParams],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/security/unblock-ip",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminUnblockIp)],
  },
]
