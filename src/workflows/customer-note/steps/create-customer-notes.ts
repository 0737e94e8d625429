import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_NOTE_MODULE } from "../../../modules/customer-note"
import type CustomerNoteModuleService from "../../../modules/customer-note/service"
import type { CreateCustomerNoteInput } from "../types"

export const createCustomerNotesStepId = "cam-create-customer-notes"

/** Creates notes; compensation hard-deletes exactly the notes it created. */
export const createCustomerNotesStep = createStep(
  createCustomerNotesStepId,
  async (input: CreateCustomerNoteInput[], { container }) => {
    const service: CustomerNoteModuleService =
      container.resolve(CUSTOMER_NOTE_MODULE)
    const notes = await service.createCustomerNotes(input)
    return new StepResponse(
      notes,
      notes.map((note) => note.id)
    )
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) {
      return
    }
    const service: CustomerNoteModuleService =
      container.resolve(CUSTOMER_NOTE_MODULE)
    await service.deleteCustomerNotes(createdIds)
  }
)
