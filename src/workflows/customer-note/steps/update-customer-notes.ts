import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_NOTE_MODULE } from "../../../modules/customer-note"
import type CustomerNoteModuleService from "../../../modules/customer-note/service"
import type { CustomerNoteChanges } from "../types"

export type UpdateCustomerNotesStepInput = {
  ids: string[]
  update: CustomerNoteChanges
}

export const updateCustomerNotesStepId = "cam-update-customer-notes"

/**
 * Applies the same change to the given notes; compensation restores the
 * fields it changed from the snapshot it took before writing.
 */
export const updateCustomerNotesStep = createStep(
  updateCustomerNotesStepId,
  async ({ ids, update }: UpdateCustomerNotesStepInput, { container }) => {
    const service: CustomerNoteModuleService =
      container.resolve(CUSTOMER_NOTE_MODULE)
    const changedFields = Object.keys(update) as (keyof CustomerNoteChanges)[]
    const snapshot = await service.listCustomerNotes(
      { id: ids },
      { select: ["id", ...changedFields] }
    )
    const notes = await service.updateCustomerNotes(
      ids.map((id) => ({ id, ...update }))
    )
    return new StepResponse(notes, snapshot)
  },
  async (snapshot, { container }) => {
    if (!snapshot?.length) {
      return
    }
    const service: CustomerNoteModuleService =
      container.resolve(CUSTOMER_NOTE_MODULE)
    await service.updateCustomerNotes(snapshot)
  }
)
