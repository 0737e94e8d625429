import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNT_SECURITY_MODULE } from "../../../modules/account-security"
import type AccountSecurityModuleService from "../../../modules/account-security/service"

export type BeginAssistedSessionStepInput = {
  code_id: string
  customer_id: string
  auth_identity_id: string
  user_id: string
  reason: string
  /** The SHA-256 of the token the route hands out (never the token). */
  token_hash: string
  /** The token's `exp` (seconds since the epoch). */
  token_exp: number
  ends_at: string
  ip: string | null
  user_agent: string | null
}

export const beginAssistedSessionStepId = "cam-begin-assisted-session"

/**
 * Records the assisted session in the registry (method "assisted", who and
 * why, ending `ends_at`) and ties the spent code to it. Compensation ends
 * the session.
 */
export const beginAssistedSessionStep = createStep(
  beginAssistedSessionStepId,
  async (input: BeginAssistedSessionStepInput, { container }) => {
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    const sessionId = await security.sessions.begin({
      claims: { auth_identity_id: input.auth_identity_id, actor_type: "customer", exp: input.token_exp },
      token_hash: input.token_hash,
      method: "assisted",
      ip: input.ip,
      user_agent: input.user_agent,
      assistance: { user_id: input.user_id, reason: input.reason, ends_at: new Date(input.ends_at) },
    })
    try {
      await security.assistance.attachSession(input.code_id, sessionId)
    } catch (error) {
      // The step failed, so its compensation will not run: end the session it began here.
      await security.sessions.revoke({
        auth_identity_id: input.auth_identity_id,
        only: [sessionId],
        reason: "assistance_ended",
        by: "system",
      })
      throw error
    }
    return new StepResponse(sessionId, { auth_identity_id: input.auth_identity_id, session_id: sessionId })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    await security.sessions.revoke({
      auth_identity_id: undo.auth_identity_id,
      only: [undo.session_id],
      reason: "assistance_ended",
      by: "system",
    })
  }
)
