import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { EMAILPASS_PROVIDER } from "../../lib/identity/auth-identity"
import type { GuardedAuthenticationInput } from "./emailpass-body"
import { refuseAttempt } from "./errors"
import { loginLockout } from "./lockout-flow"

/**
 * Checks a logged-in customer's current password before a sensitive change
 * (a new password, a new sign-in address, erasure), like a login: a locked
 * account is refused (429, answered here), a wrong password counts toward
 * the lockout and throws 401, a right one is no login (no `login_succeeded`).
 * Returns the address the customer signs in with, or null when the refusal
 * was answered. An account without a password login gets `withoutPassword`
 * (400).
 */
export async function confirmCurrentPassword(
  req: AuthenticatedMedusaRequest,
  // Any route's response: a refusal replaces its success shape.
  res: MedusaResponse<any>,
  password: string,
  withoutPassword: string
): Promise<string | null> {
  // The request's auth module: the check passes the lockout flow.
  const authModule = req.scope.resolve(Modules.AUTH)
  const [login] = await authModule.listProviderIdentities(
    { auth_identity_id: req.auth_context.auth_identity_id, provider: EMAILPASS_PROVIDER },
    { select: ["entity_id"] }
  )
  if (!login) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, withoutPassword)
  }
  const lockout = loginLockout(req, res)
  lockout.reauthentication = true
  const admission = await lockout.admit("customer", login.entity_id)
  if (!admission.admitted) {
    refuseAttempt(res, admission)
    return null
  }
  const check: GuardedAuthenticationInput = { actor_type: "customer", body: { email: login.entity_id, password } }
  if (!(await authModule.authenticate(EMAILPASS_PROVIDER, check)).success) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Invalid email or password")
  }
  return login.entity_id
}
