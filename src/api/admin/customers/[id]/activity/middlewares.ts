import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseNulInPathParams, validateQuery } from "../../../../utils/request-guards"
import { AdminGetCustomerActivityParams } from "./validators"

/**
 * The timeline is read-only: only GET is routed (any other method answers
 * 404). Admin authentication is applied by Medusa to every /admin route.
 */
export const adminCustomerActivityMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/activity",
    middlewares: [refuseNulInPathParams, ...validateQuery(AdminGetCustomerActivityParams, { defaults: [], isList: true })],
  },
]
