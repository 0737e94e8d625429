import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNT_SECURITY_MODULE } from "../../../modules/account-security"
import type AccountSecurityModuleService from "../../../modules/account-security/service"

export const recordPasswordExposureStepId = "cam-record-password-exposure"

export type RecordPasswordExposureStepOutput = { created: boolean; detected_at: string }

/**
 * Marks an identity "password change required" because its password was
 * found in a data breach. An identity already marked keeps its first date
 * (`created: false`), also when a concurrent login marked it first.
 * Compensation removes only a mark this step made.
 */
export const recordPasswordExposureStep = createStep(
  recordPasswordExposureStepId,
  async ({ auth_identity_id }: { auth_identity_id: string }, { container }) => {
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    const existing = async () => (await security.listPasswordExposures({ auth_identity_id }, { take: 1 }))[0]
    const known = await existing()
    if (known) {
      return new StepResponse<RecordPasswordExposureStepOutput, string | null>(
        { created: false, detected_at: new Date(known.detected_at).toISOString() },
        null
      )
    }
    try {
      const created = await security.createPasswordExposures({ auth_identity_id, detected_at: security.now() })
      return new StepResponse<RecordPasswordExposureStepOutput, string | null>(
        { created: true, detected_at: new Date(created.detected_at).toISOString() },
        created.id
      )
    } catch (error) {
      // The unique index decided for a concurrent login of the same identity.
      const raced = await existing()
      if (!raced) {
        throw error
      }
      return new StepResponse<RecordPasswordExposureStepOutput, string | null>(
        { created: false, detected_at: new Date(raced.detected_at).toISOString() },
        null
      )
    }
  },
  async (createdId, { container }) => {
    if (!createdId) {
      return
    }
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    await security.deletePasswordExposures(createdId)
  }
)
