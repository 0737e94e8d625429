import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startAssistanceWorkflow } from "../../../../../workflows/assistance"
import { newAssistanceCode } from "../../../../../modules/account-security/services/assistance"
import { currentSession } from "../../../../auth/session-gate"
import { accountSecurity } from "../../../../utils/account-security"
import { assistedSessionsJson, consentJson } from "../../../../utils/assistance"
import { customerWithPasswordAccount } from "../../../../utils/customers"
import type { AdminStartAssistanceType } from "./validators"

/** Assisted shopping for this customer: whether it is on, the customer's consent and the sessions running now. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const assistance = accountSecurity(req.scope).assistance
  const account = await customerWithPasswordAccount(req.scope, req.params.id)
  const [consent, running] = await Promise.all([
    assistance.consentOf(account.customer_id),
    assistance.running(account.auth_identity_id),
  ])
  res.json({
    assistance: {
      enabled: assistance.options.enabled,
      consent: consentJson(consent),
      sessions: await assistedSessionsJson(req.scope, running),
    },
  })
}

/**
 * Starts assisting the customer: a one-time link (the code inside it) that
 * the storefront exchanges once, within two minutes, at
 * `POST /auth/customer/assistance` for the customer's session. The code is
 * answered here once and stored only as its hash; it dies with the admin
 * session that asked.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminStartAssistanceType>, res: MedusaResponse) => {
  const assistance = accountSecurity(req.scope).assistance
  const account = await customerWithPasswordAccount(req.scope, req.params.id)
  if (!(await assistance.mayAssist(account.customer_id))) {
    res.status(403).json({
      type: "assistance_consent_required",
      message: "The customer has not allowed shopping assistance. They can allow it in their account.",
    })
    return
  }
  const { code, code_hash } = newAssistanceCode()
  const { result } = await startAssistanceWorkflow(req.scope).run({
    input: {
      customer_id: account.customer_id,
      auth_identity_id: account.auth_identity_id,
      user_id: req.auth_context.actor_id,
      user_session_id: currentSession(req)?.id ?? null,
      reason: req.validatedBody.reason,
      code_hash,
    },
  })
  const template = assistance.options.storefrontUrl
  res.status(201).json({
    assistance: {
      url: template ? template.replace("{code}", encodeURIComponent(code)) : null,
      code,
      expires_at: result.expires_at,
    },
  })
}
