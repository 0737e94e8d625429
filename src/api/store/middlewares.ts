import {
  authenticate,
  validateAndTransformBody,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { StoreChangePassword } from "./customers/me/password/validators"
import { StorePasswordStrength } from "./password-strength/validators"

/** Medusa requires the publishable API key header on every /store route. */
export const storePasswordMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/password-strength",
    middlewares: [validateAndTransformBody(StorePasswordStrength)],
  },
  {
    method: ["POST"],
    matcher: "/store/customers/me/password",
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      validateAndTransformBody(StoreChangePassword),
    ],
  },
]
