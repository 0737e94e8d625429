import type { IAuthModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** Medusa's auth module generates this for its `AuthVerification` model; its service type leaves it out. */
type VerificationStore = IAuthModuleService & { updateAuthVerifications(data: Record<string, unknown>): Promise<unknown> }

export type TakeEmailConfirmationStepInput = { verification_id?: string }

export const takeEmailConfirmationStepId = "cam-take-email-confirmation"

/**
 * The first step of an address change's completion: Medusa's confirmation
 * of the new address (already written by its `confirmAuthVerification`),
 * taken as part of the change. Compensation takes the confirmation back, so
 * a change that cannot complete (the address was taken meanwhile) leaves the
 * address unconfirmed: the login and the confirmation never disagree.
 */
export const takeEmailConfirmationStep = createStep(
  takeEmailConfirmationStepId,
  async (input: TakeEmailConfirmationStepInput) => new StepResponse(undefined, input.verification_id),
  async (verificationId, { container }) => {
    if (!verificationId) {
      return
    }
    const auth = container.resolve(Modules.AUTH) as VerificationStore
    await auth.updateAuthVerifications({ id: verificationId, verified_at: null })
  }
)
