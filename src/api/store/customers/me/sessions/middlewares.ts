import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminEmptyBody as StoreEmptyBody } from "../../../../admin/customers/[id]/password/validators"
import { refuseNulInPathParams, validateBody } from "../../../../utils/request-guards"

const customerOnly = authenticate("customer", ["session", "bearer"])

/** The customer's own sessions: list, end one, end all, end all others. */
export const storeCustomerSessionMiddlewares: MiddlewareRoute[] = [
  { method: ["GET", "DELETE"], matcher: "/store/customers/me/sessions", middlewares: [customerOnly] },
  {
    method: ["DELETE"],
    matcher: "/store/customers/me/sessions/:id",
    middlewares: [customerOnly, refuseNulInPathParams],
  },
  {
    method: ["POST"],
    matcher: "/store/customers/me/sessions/revoke-others",
    middlewares: [customerOnly, ...validateBody(StoreEmptyBody)],
  },
]
