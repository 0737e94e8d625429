import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { PasswordValidationResult } from "../../../lib/password-policy"
import { SecurityCounterScopes } from "../../../modules/account-security/types"
import { clientIp } from "../../auth/client-ip"
import { accountSecurity } from "../../utils/account-security"
import { sendTooManyRequests } from "../../utils/too-many-requests"
import { passwordContextFor } from "../../../lib/password-policy/password-context"
import { sharedRangeCache } from "../../../lib/password-policy/range-cache"
import type { StorePasswordStrengthType } from "./validators"

/**
 * Live strength meter: the policy's verdict for a candidate password. The
 * password is neither logged nor stored; history is not checked here (that
 * would need the account and cost scrypt work per keystroke), the breach
 * screen is (when the rules pass; its range answers are cached). It needs no
 * login, so each client IP gets `passwordStrength.maxRequests` calls per
 * window (429 with Retry-After beyond it).
 */
export const POST = async (
  req: MedusaRequest<StorePasswordStrengthType>,
  res: MedusaResponse<{ strength: PasswordValidationResult }>
) => {
  const security = accountSecurity(req.scope)
  const { passwordStrength, lockout } = security.getOptions()
  const ip = clientIp(req, lockout.trustedProxyHops) ?? "unknown"
  const { allowed, retryAfterSeconds } = await security.quotas.consume(
    SecurityCounterScopes.PASSWORD_STRENGTH,
    ip,
    passwordStrength.maxRequests,
    passwordStrength.windowSeconds
  )
  if (!allowed) {
    sendTooManyRequests(res, retryAfterSeconds, "Too many strength checks from this network. Try again shortly.")
    return
  }
  const { password, email, first_name, last_name } = req.validatedBody
  const context = await passwordContextFor(req.scope, email, {
    first_name: first_name ?? null,
    last_name: last_name ?? null,
  })
  res.json({ strength: await security.passwords.checkStrength(password, context, sharedRangeCache(req.scope)) })
}
