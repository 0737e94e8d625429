import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { linkPrefix, linkRedactor, redactStrings } from "../../../lib/notifications/live-links"
import { accountSecurity } from "../../utils/account-security"

/**
 * Medusa's `GET /admin/notifications` and `/admin/notifications/:id` show a
 * stored notification's `data` and `content`. A reset or verification
 * e-mail's holds its live link from Medusa's insert until the plugin redacts
 * it after delivery: the answer shows every link of the configured reset and
 * verification pages as hidden, whatever `fields` asked for, so no Back
 * Office user can read one, not even for those milliseconds (issue 22).
 */
export function hideLiveLinks(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const { passwordReset, emailVerification } = accountSecurity(req.scope).getOptions()
  const redact = linkRedactor([linkPrefix(passwordReset.resetPasswordUrl), linkPrefix(emailVerification.verifyUrl)])
  const json = res.json.bind(res)
  res.json = ((body: unknown) => json(redactStrings(body, redact))) as typeof res.json
  next()
}

export const adminNotificationMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/notifications*", middlewares: [hideLiveLinks] },
]
