import type { MiddlewareRoute } from "@medusajs/framework/http"
import { requireAssistanceEnabled } from "../../../utils/assistance"
import { validateBody } from "../../../utils/request-guards"
import { AuthExchangeAssistanceCode } from "./validators"

/** The storefront's exchange of an assisted session's code (no login: the code is the credential). */
export const authAssistanceMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/auth/customer/assistance",
    middlewares: [requireAssistanceEnabled, ...validateBody(AuthExchangeAssistanceCode)],
  },
]
