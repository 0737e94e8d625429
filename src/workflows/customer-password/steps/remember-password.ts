import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNT_SECURITY_MODULE } from "../../../modules/account-security"
import type AccountSecurityModuleService from "../../../modules/account-security/service"
import { findEmailpassIdentity } from "../../../lib/identity/auth-identity"

export const rememberPasswordStepId = "cam-remember-password"

type Remembered = {
  /** The history entry added (null while history is off). */
  entryId: string | null
  /** A "password change required" mark the new password lifted, to restore on compensation. */
  exposure: { auth_identity_id: string; detected_at: Date } | null
}

/**
 * Follows a password the provider just stored: adds its hash to the password
 * history (when history is on) and lifts the identity's "password change
 * required" mark (a breached password was replaced). Compensation removes
 * that entry and restores the mark.
 */
export const rememberPasswordStep = createStep(
  rememberPasswordStepId,
  async ({ entity_id }: { entity_id: string }, { container }) => {
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    const identity = await findEmailpassIdentity(container, entity_id)
    if (!identity?.password_hash) {
      return new StepResponse<null, Remembered | null>(null, null)
    }
    const entryId = await security.passwords.remember(identity.auth_identity_id, identity.password_hash)
    const [exposure] = await security.listPasswordExposures({ auth_identity_id: identity.auth_identity_id }, { take: 1 })
    if (exposure) {
      await security.deletePasswordExposures(exposure.id)
    }
    const done: Remembered = {
      entryId,
      exposure: exposure ? { auth_identity_id: exposure.auth_identity_id, detected_at: exposure.detected_at } : null,
    }
    return new StepResponse(entryId, done)
  },
  async (done, { container }) => {
    if (!done) {
      return
    }
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    if (done.entryId) {
      await security.passwords.forget([done.entryId])
    }
    if (done.exposure) {
      await security.createPasswordExposures(done.exposure)
    }
  }
)
