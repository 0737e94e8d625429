import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNT_SECURITY_MODULE } from "../../../modules/account-security"
import type AccountSecurityModuleService from "../../../modules/account-security/service"
import type { RevocationResult } from "../../../modules/account-security/repositories/session-registry"

export type EndAssistedSessionsStepInput = {
  auth_identity_id: string
  /** Only this session (it must be one of the identity's running assisted sessions). */
  session_id?: string | null
  /** `customer` or `user:<id>`. */
  by: string
}

export type EndedAssistedSession = { session_id: string; user_id: string }

export const endAssistedSessionsStepId = "cam-end-assisted-sessions"

/**
 * Ends an identity's running assisted sessions (or one of them); the
 * customer's own sessions stay. Compensation brings them back.
 */
export const endAssistedSessionsStep = createStep(
  endAssistedSessionsStepId,
  async (input: EndAssistedSessionsStepInput, { container }) => {
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    const running = (await security.assistance.running(input.auth_identity_id)).filter(
      (session) => !input.session_id || session.id === input.session_id
    )
    if (!running.length) {
      return new StepResponse<EndedAssistedSession[], null>([], null)
    }
    // `only` is never empty here: an empty list would mean "every session".
    const result = await security.sessions.revoke({
      auth_identity_id: input.auth_identity_id,
      only: running.map((session) => session.id),
      reason: "assistance_ended",
      by: input.by,
    })
    const ended = running
      .filter((session) => result.ids.includes(session.id))
      .map((session) => ({ session_id: session.id, user_id: session.assisted_by }))
    return new StepResponse<EndedAssistedSession[], { auth_identity_id: string; result: RevocationResult }>(ended, {
      auth_identity_id: input.auth_identity_id,
      result,
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    await security.sessions.restore(undo.auth_identity_id, undo.result)
  }
)
