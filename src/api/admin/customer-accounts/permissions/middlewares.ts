import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseNulInPathParams, validateBody } from "../../../utils/request-guards"
import { AdminSetStaffPermissions } from "./validators"

export const adminPermissionMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/customer-accounts/permissions/:user_id",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminSetStaffPermissions)],
  },
]
