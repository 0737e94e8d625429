import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseNulInPathParams, validateBody } from "../../../../utils/request-guards"
import { AdminEmptyBody } from "../../../customers/[id]/sessions/validators"

/** A Back Office user's sessions (admin authentication is applied by Medusa to every /admin route). */
export const adminUserSessionMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/users/:id/sessions", middlewares: [refuseNulInPathParams] },
  {
    method: ["POST"],
    matcher: "/admin/users/:id/sessions/revoke",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminEmptyBody)],
  },
]
