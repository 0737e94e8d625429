import type { MiddlewareRoute } from "@medusajs/framework/http"
import { requireAssistanceEnabled } from "../../../../utils/assistance"
import { refuseNulInPathParams, validateBody } from "../../../../utils/request-guards"
import { AdminEndAssistance, AdminStartAssistance } from "./validators"

/** Assisted shopping on the admin side (permissions: src/api/admin/route-capabilities.ts). */
export const adminAssistanceMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/customers/:id/assistance", middlewares: [requireAssistanceEnabled, refuseNulInPathParams] },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/assistance",
    middlewares: [requireAssistanceEnabled, refuseNulInPathParams, ...validateBody(AdminStartAssistance)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/assistance/end",
    middlewares: [requireAssistanceEnabled, refuseNulInPathParams, ...validateBody(AdminEndAssistance)],
  },
  { method: ["GET"], matcher: "/admin/customer-accounts/assistance-sessions", middlewares: [requireAssistanceEnabled] },
]
