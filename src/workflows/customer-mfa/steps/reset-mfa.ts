import type { IAuthModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AdminMfaFactor } from "../../../types/account-security"
import { ACTIVE_MFA_STATUSES, toAdminMfaFactor } from "../../../lib/mfa/mfa-factors"

export const resetMfaStepId = "cam-reset-mfa"

/**
 * One-time recovery code of an identity, generated to prove a removal to
 * Medusa: under the auth module's `mfa.disable_policy: "challenge"` a factor
 * is disabled only with a valid code. Generating codes replaces the earlier
 * ones; the code is used at once and never leaves this process.
 */
async function freshRecoveryCode(auth: IAuthModuleService, authIdentityId: string): Promise<string> {
  const { codes } = await auth.generateAuthMfaRecoveryCodes({ auth_identity_id: authIdentityId, count: 1 })
  return codes[0]
}

/**
 * Removes an identity's MFA factors (a customer lost their phone), through
 * Medusa's own `disableAuthMfa`, whatever its disable policy; then voids the
 * recovery codes, so none of them works if the customer enrolls again.
 * Returns the factors it disabled. Not compensable: Medusa cannot enable a
 * factor without the customer's code, so this is the workflow's last step
 * before its events. Running it again finishes what an interrupted run began.
 */
export const resetMfaStep = createStep(
  resetMfaStepId,
  async ({ auth_identity_id }: { auth_identity_id: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const active = await auth.listAuthMfa({ auth_identity_id, status: [...ACTIVE_MFA_STATUSES] })
    const removed: AdminMfaFactor[] = []
    for (const factor of active) {
      removed.push(
        toAdminMfaFactor(
          await auth.disableAuthMfa({
            id: factor.id,
            method: "recovery_code",
            code: await freshRecoveryCode(auth, auth_identity_id),
          })
        )
      )
    }
    // The last code generated is spent here: the identity keeps none.
    await auth.useAuthMfaRecoveryCode({ auth_identity_id, code: await freshRecoveryCode(auth, auth_identity_id) })
    return new StepResponse(removed)
  }
)
