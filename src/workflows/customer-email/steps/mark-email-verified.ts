import type { IAuthModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { projectClock } from "../../../lib/clock"
import { EMAIL_ENTITY_TYPE, emailVerificationRow, TOKEN_CODE_PROVIDER } from "../../../lib/email/verification"

/**
 * Medusa's auth module generates these for its `AuthVerification` model; its
 * service type leaves them out.
 */
type VerificationStore = IAuthModuleService & {
  createAuthVerifications(data: Record<string, unknown>): Promise<{ id: string }>
  updateAuthVerifications(data: Record<string, unknown>): Promise<unknown>
  deleteAuthVerifications(ids: string[]): Promise<void>
}

type Undo = { created_id: string } | { id: string; verified_at: Date | string | null } | null

export const markEmailVerifiedStepId = "cam-mark-email-verified"

/**
 * Marks an identity's address verified in Medusa's own verification table
 * (the row Medusa's login checks when a merchant requires verification):
 * updates the pending row, or creates a verified one when none was ever
 * requested. An address already verified is left as it is. Compensation
 * puts the previous state back.
 */
export const markEmailVerifiedStep = createStep(
  markEmailVerifiedStepId,
  async (identity: { auth_identity_id: string; entity_id: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH) as VerificationStore
    const row = await emailVerificationRow(container, identity)
    const now = projectClock.now()
    if (row?.verified_at) {
      return new StepResponse({ already: true }, null as Undo)
    }
    if (row) {
      await auth.updateAuthVerifications({ id: row.id, verified_at: now })
      return new StepResponse({ already: false }, { id: row.id, verified_at: row.verified_at } as Undo)
    }
    const created = await auth.createAuthVerifications({
      auth_identity_id: identity.auth_identity_id,
      entity_id: identity.entity_id,
      entity_type: EMAIL_ENTITY_TYPE,
      code_provider: TOKEN_CODE_PROVIDER,
      requested_at: now,
      verified_at: now,
    })
    return new StepResponse({ already: false }, { created_id: created.id } as Undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const auth = container.resolve(Modules.AUTH) as VerificationStore
    if ("created_id" in undo) {
      await auth.deleteAuthVerifications([undo.created_id])
    } else {
      await auth.updateAuthVerifications({ id: undo.id, verified_at: undo.verified_at })
    }
  }
)
