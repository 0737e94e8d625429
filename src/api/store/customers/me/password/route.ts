import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { changeCustomerPasswordWorkflow } from "../../../../../workflows/customer-password"
import { confirmCurrentPassword } from "../../../../auth/current-password"
import { requestIp } from "../../../../auth/client-ip"
import { vetPasswordFor } from "../../../../auth/new-password"
import { currentSession } from "../../../../auth/session-gate"
import { sendPasswordPolicyError } from "../../../../utils/password-policy"
import type { StoreChangePasswordType } from "./validators"

/**
 * Changes the logged-in customer's password. The current password is
 * checked like a login (the same lockout flow: a wrong one counts, a locked
 * account is refused), then the new one goes through the policy and
 * `changeCustomerPasswordWorkflow`, which ends every other session (this one stays).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreChangePasswordType>,
  res: MedusaResponse<{ success: true }>
) => {
  const { old_password, new_password } = req.validatedBody
  const email = await confirmCurrentPassword(
    req,
    res,
    old_password,
    "This account signs in without a password, so there is no password to change."
  )
  if (!email) {
    return
  }
  const verdict = await vetPasswordFor(req.scope, email, new_password)
  if (!verdict.valid) {
    return sendPasswordPolicyError(res, verdict)
  }
  await changeCustomerPasswordWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context.actor_id,
      entity_id: email,
      password: new_password,
      context: { ip: requestIp(req), user_agent: req.get("user-agent") ?? null },
      keep_session_id: currentSession(req)?.id ?? null,
    },
  })
  res.json({ success: true })
}
