import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { EMAILPASS_PROVIDER } from "../../../../../utils/auth-identity"
import { changeCustomerPasswordWorkflow } from "../../../../../workflows/customer-password"
import { attemptContext, recordOutcome, refuseAttempt } from "../../../../utils/login-guard"
import {
  accountSecurity,
  normalizeIdentifier,
  passwordContextFor,
  sendPasswordPolicyError,
} from "../../../../utils/password-policy"
import type { StoreChangePasswordType } from "./validators"

/** Changes the logged-in customer's password after checking the current one. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreChangePasswordType>,
  res: MedusaResponse<{ success: true }>
) => {
  const { old_password, new_password } = req.validatedBody
  const customerId = req.auth_context.actor_id
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

  // A wrong current password is a failed login: the lockout counts and
  // refuses it exactly like one on /auth/customer/emailpass.
  const security = accountSecurity(req.scope)
  const attempt = attemptContext(req, normalizeIdentifier(identity.entity_id))
  if (security.getOptions().lockout.enabled) {
    const admission = await security.admitLogin(attempt.identifier, attempt.ip)
    if (!admission.admitted) {
      return refuseAttempt(req, res, attempt, admission.retryAfterSeconds)
    }
  }
  const { success } = await authModule.authenticate(EMAILPASS_PROVIDER, {
    body: { email: identity.entity_id, password: old_password },
  })
  if (security.getOptions().lockout.enabled) {
    await recordOutcome(req.scope, attempt, success ? "success" : "failure")
  }
  if (!success) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Invalid email or password")
  }

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: ["first_name", "last_name"],
    filters: { id: customerId },
  })
  const context = await passwordContextFor(req.scope, identity.entity_id, {
    first_name: customer?.first_name ?? null,
    last_name: customer?.last_name ?? null,
  })
  const verdict = await security.checkNewPassword(
    new_password,
    context,
    identity.auth_identity_id ?? null
  )
  if (!verdict.valid) {
    return sendPasswordPolicyError(res, verdict)
  }

  await changeCustomerPasswordWorkflow(req.scope).run({
    input: { customer_id: customerId, entity_id: identity.entity_id, password: new_password },
  })
  res.json({ success: true })
}
