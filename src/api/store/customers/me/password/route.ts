import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { EMAILPASS_PROVIDER } from "../../../../../workflows/customer-password/auth-identity"
import { changeCustomerPasswordWorkflow } from "../../../../../workflows/customer-password"
import type { GuardedAuthenticationInput } from "../../../../auth/guarded-auth-module"
import { passwordGuard, refuseAttempt } from "../../../../auth/password-guard"
import { sendPasswordPolicyError } from "../../../../utils/password-policy"
import type { StoreChangePasswordType } from "./validators"

/**
 * Changes the logged-in customer's password. The current password is
 * checked like a login (the same lockout flow: a wrong one counts, a locked
 * account is refused), then the new one goes through the policy and
 * `changeCustomerPasswordWorkflow`.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreChangePasswordType>,
  res: MedusaResponse<{ success: true }>
) => {
  const { old_password, new_password } = req.validatedBody
  // The request's auth module: checks pass the password guard.
  const authModule = req.scope.resolve(Modules.AUTH)
  const [identity] = await authModule.listProviderIdentities(
    { auth_identity_id: req.auth_context.auth_identity_id, provider: EMAILPASS_PROVIDER },
    { select: ["entity_id", "auth_identity_id"] }
  )
  if (!identity) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "This account signs in without a password, so there is no password to change."
    )
  }
  const email = identity.entity_id

  const guard = passwordGuard(req, res)
  guard.reauthentication = true
  const admission = await guard.admit("customer", email)
  if (!admission.admitted) {
    return refuseAttempt(res, admission)
  }
  const check: GuardedAuthenticationInput = { actor_type: "customer", body: { email, password: old_password } }
  const { success } = await authModule.authenticate(EMAILPASS_PROVIDER, check)
  if (!success) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Invalid email or password")
  }

  const verdict = await guard.vetNewPassword(email, new_password)
  if (!verdict.valid) {
    return sendPasswordPolicyError(res, verdict)
  }
  await changeCustomerPasswordWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context.actor_id,
      entity_id: email,
      password: new_password,
      context: { ip: guard.clientIp(), user_agent: req.get("user-agent") ?? null },
    },
  })
  res.json({ success: true })
}
