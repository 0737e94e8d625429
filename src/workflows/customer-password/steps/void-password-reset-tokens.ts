import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { voidPasswordResetTokens } from "../../../lib/identity/auth-identity"

export type VoidPasswordResetTokensStepInput = {
  /** The e-mail the emailpass identity is registered under. */
  entity_id: string
}

export const voidPasswordResetTokensStepId = "cam-void-password-reset-tokens"

/**
 * Voids every outstanding reset link of the identity: after a password
 * change a link sent before it must not set another password. There is no
 * compensation: a voided link stays void, which is the safe side (the
 * customer can ask for a new one).
 */
export const voidPasswordResetTokensStep = createStep(
  voidPasswordResetTokensStepId,
  async (input: VoidPasswordResetTokensStepInput, { container }) => {
    const voided = await voidPasswordResetTokens(container.resolve(Modules.AUTH), input.entity_id)
    return new StepResponse(voided)
  }
)
