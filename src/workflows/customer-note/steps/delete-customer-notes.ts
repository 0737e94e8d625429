import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_NOTE_MODULE } from "../../../modules/customer-note"
import type CustomerNoteModuleService from "../../../modules/customer-note/service"

export const deleteCustomerNotesStepId = "cam-delete-customer-notes"

/** Soft-deletes notes; compensation restores them. */
export const deleteCustomerNotesStep = createStep(
  deleteCustomerNotesStepId,
  async (ids: string[], { container }) => {
    const service: CustomerNoteModuleService =
      container.resolve(CUSTOMER_NOTE_MODULE)
    await service.softDeleteCustomerNotes(ids)
    return new StepResponse(void 0, ids)
  },
  async (deletedIds, { container }) => {
    if (!deletedIds?.length) {
      return
    }
    const service: CustomerNoteModuleService =
      container.resolve(CUSTOMER_NOTE_MODULE)
    await service.restoreCustomerNotes(deletedIds)
  }
)
