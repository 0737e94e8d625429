import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseNulInPathParams, validateBody } from "../../../../utils/request-guards"
import { AdminAnonymizeCustomer } from "../anonymize/validators"

/** Admin authentication is applied by Medusa to every /admin route. */
export const adminCustomerPrivacyMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/customers/:id/privacy", middlewares: [refuseNulInPathParams] },
  { method: ["GET"], matcher: "/admin/customer-accounts/erasure-requests", middlewares: [] },
  { method: ["GET"], matcher: "/admin/customers/:id/export", middlewares: [refuseNulInPathParams] },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/anonymize",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminAnonymizeCustomer)],
  },
]
