import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNT_SECURITY_MODULE } from "../../../modules/account-security"
import type AccountSecurityModuleService from "../../../modules/account-security/service"
import type { SessionEndReason } from "../../../types/account-sessions"
import { findEmailpassIdentity } from "../../../lib/identity/auth-identity"

export type RevokeAccountSessionsStepInput = {
  /** Whose sessions end: the auth identity, or the e-mail of its emailpass login. */
  auth_identity_id?: string | null
  entity_id?: string | null
  /** Only these sessions (default: all of the identity's, and tokens the registry does not know). */
  only?: string[] | null
  /** Sessions that stay: the one that asked (a password change keeps its own). */
  except?: string[]
  reason: SessionEndReason
  /** `customer`, `user:<id>` or `system`. */
  by: string
}

export type RevokeAccountSessionsStepOutput = {
  auth_identity_id: string | null
  session_ids: string[]
}

export const revokeAccountSessionsStepId = "cam-revoke-account-sessions"

/**
 * Ends sessions of one identity in the session registry (one statement: the
 * sessions and the identity's cut-off together). Compensation brings the
 * sessions back and the cut-off where it was.
 */
export const revokeAccountSessionsStep = createStep(
  revokeAccountSessionsStepId,
  async (input: RevokeAccountSessionsStepInput, { container }) => {
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    const authIdentityId =
      input.auth_identity_id ??
      (input.entity_id ? (await findEmailpassIdentity(container, input.entity_id))?.auth_identity_id : null) ??
      null
    if (!authIdentityId || !security.sessions.enabled) {
      return new StepResponse<RevokeAccountSessionsStepOutput, null>(
        { auth_identity_id: authIdentityId, session_ids: [] },
        null
      )
    }
    const result = await security.sessions.revoke({
      auth_identity_id: authIdentityId,
      only: input.only ?? null,
      except: input.except ?? [],
      reason: input.reason,
      by: input.by,
    })
    return new StepResponse<RevokeAccountSessionsStepOutput, { auth_identity_id: string; result: typeof result }>(
      { auth_identity_id: authIdentityId, session_ids: result.ids },
      { auth_identity_id: authIdentityId, result }
    )
  },
  async (revoked, { container }) => {
    if (!revoked) {
      return
    }
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    await security.sessions.restore(revoked.auth_identity_id, revoked.result)
  }
)
