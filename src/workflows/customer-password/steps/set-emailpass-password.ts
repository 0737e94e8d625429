import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { EMAILPASS_PROVIDER, POLICY_CHECKED } from "../../../lib/identity/auth-identity"

export type SetEmailpassPasswordStepInput = {
  /** The e-mail the emailpass identity is registered under. */
  entity_id: string
  password: string
}

type PreviousPassword = { id: string; provider_metadata: Record<string, unknown> }

export const setEmailpassPasswordStepId = "cam-set-emailpass-password"

/**
 * Stores a new password through the emailpass provider (which hashes it).
 * Runs after the workflow's policy step, and tells the guarded auth module
 * so. Compensation puts the previous hash back, so a failed workflow leaves
 * the old password working.
 */
export const setEmailpassPasswordStep = createStep(
  setEmailpassPasswordStepId,
  async (input: SetEmailpassPasswordStepInput, { container }) => {
    const authModule = container.resolve(Modules.AUTH)
    const [identity] = await authModule.listProviderIdentities(
      { entity_id: input.entity_id, provider: EMAILPASS_PROVIDER },
      { select: ["id", "provider_metadata"] }
    )
    if (!identity) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        "This customer has no account with a password."
      )
    }
    const { success, error } = await authModule.updateProvider(EMAILPASS_PROVIDER, {
      entity_id: input.entity_id,
      password: input.password,
      [POLICY_CHECKED]: true,
    })
    if (!success) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        error ?? "The password could not be updated."
      )
    }
    const previous: PreviousPassword = {
      id: identity.id,
      provider_metadata: identity.provider_metadata ?? {},
    }
    return new StepResponse(void 0, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const authModule = container.resolve(Modules.AUTH)
    await authModule.updateProviderIdentities([previous])
  }
)
