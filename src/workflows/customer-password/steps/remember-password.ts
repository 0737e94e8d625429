import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNT_SECURITY_MODULE } from "../../../modules/account-security"
import type AccountSecurityModuleService from "../../../modules/account-security/service"
import { findEmailpassIdentity } from "../../../lib/identity/auth-identity"

export const rememberPasswordStepId = "cam-remember-password"

/**
 * Adds the hash the provider just stored to the password history (when
 * history is on); compensation removes that entry.
 */
export const rememberPasswordStep = createStep(
  rememberPasswordStepId,
  async ({ entity_id }: { entity_id: string }, { container }) => {
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    const identity = await findEmailpassIdentity(container, entity_id)
    if (!identity?.password_hash) {
      return new StepResponse(null, null)
    }
    const entryId = await security.passwords.remember(
      identity.auth_identity_id,
      identity.password_hash
    )
    return new StepResponse(entryId, entryId)
  },
  async (entryId, { container }) => {
    if (!entryId) {
      return
    }
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    await security.passwords.forget([entryId])
  }
)
