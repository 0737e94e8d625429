import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseNulInPathParams } from "../../../../utils/request-guards"

/** `POST .../security/unlock` is validated with the other password routes. */
export const adminCustomerSecurityMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/security",
    middlewares: [refuseNulInPathParams],
  },
]
