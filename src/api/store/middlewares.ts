import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../utils/request-guards"
import { StoreAnonymize } from "./customers/me/anonymize/validators"
import { StoreChangeEmail } from "./customers/me/email/validators"
import { StoreChangePassword } from "./customers/me/password/validators"
import { StoreResendEmailVerification } from "./email-verification/validators"
import { StorePasswordStrength } from "./password-strength/validators"

/**
 * Body validation of the plugin's store routes that act on an account or a
 * password: the strength meter, the verification resend, and the logged-in
 * customer's anonymization, address change and password change. (Medusa
 * requires the publishable API key header on every /store route.)
 */
export const storeAccountMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/password-strength",
    middlewares: [...validateBody(StorePasswordStrength)],
  },
  {
    method: ["POST"],
    matcher: "/store/email-verification",
    middlewares: [...validateBody(StoreResendEmailVerification)],
  },
  {
    method: ["POST"],
    matcher: "/store/customers/me/anonymize",
    middlewares: [authenticate("customer", ["session", "bearer"]), ...validateBody(StoreAnonymize)],
  },
  {
    method: ["POST"],
    matcher: "/store/customers/me/email",
    middlewares: [authenticate("customer", ["session", "bearer"]), ...validateBody(StoreChangeEmail)],
  },
  {
    method: ["POST"],
    matcher: "/store/customers/me/password",
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      ...validateBody(StoreChangePassword),
    ],
  },
]
