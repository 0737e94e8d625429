import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseNulInPathParams } from "../../../../utils/request-guards"

export const adminCustomerGroupMembershipMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/group-memberships",
    middlewares: [refuseNulInPathParams],
  },
]
