import type { IAuthModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isEmailChangeVerification, requestEmailChange } from "../../../lib/email/email-change"
import { EMAIL_ENTITY_TYPE } from "../../../lib/email/verification"

/** Medusa's auth module generates this for its `AuthVerification` model; its service type leaves it out. */
type VerificationStore = IAuthModuleService & { deleteAuthVerifications(ids: string[]): Promise<void> }

export type RequestEmailChangeStepInput = { auth_identity_id: string; customer_id: string; to: string }

export const requestEmailChangeStepId = "cam-request-email-change"

/**
 * Asks Medusa to verify the new address of a customer's login (a link to
 * the new address; nothing moves until it is confirmed). A taken address
 * gets nothing. Returns whether a link was requested; compensation removes
 * the pending address-change verification it made.
 */
export const requestEmailChangeStep = createStep(
  requestEmailChangeStepId,
  async (input: RequestEmailChangeStepInput, { container }) => {
    const requested = await requestEmailChange(container, input)
    return new StepResponse(requested, requested ? input : null)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const auth = container.resolve(Modules.AUTH) as VerificationStore
    const rows = await auth.listAuthVerifications({
      auth_identity_id: undo.auth_identity_id,
      entity_id: undo.to,
      entity_type: EMAIL_ENTITY_TYPE,
    })
    const pending = rows.filter((row) => !row.verified_at && isEmailChangeVerification(container, row))
    if (pending.length) {
      await auth.deleteAuthVerifications(pending.map((row) => row.id!))
    }
  }
)
