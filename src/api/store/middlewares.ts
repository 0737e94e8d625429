import {
  authenticate,
  validateAndTransformBody,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { refuseHostileBodies } from "../utils/request-guards"
import { StoreChangePassword } from "./customers/me/password/validators"
import { StorePasswordStrength } from "./password-strength/validators"

/** Medusa requires the publishable API key header on every /store route. */
export const storePasswordMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/password-strength",
    middlewares: [refuseHostileBodies, validateAndTransformBody(StorePasswordStrength)],
  },
  {
    method: ["POST"],
    matcher: "/store/customers/me/password",
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      refuseHostileBodies,
      validateAndTransformBody(StoreChangePassword),
    ],
  },
]
