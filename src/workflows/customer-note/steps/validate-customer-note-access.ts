import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_NOTE_MODULE } from "../../../modules/customer-note"
import type CustomerNoteModuleService from "../../../modules/customer-note/service"
import type { CustomerNoteChanges, CustomerNoteRecord } from "../types"

export type ValidateCustomerNoteAccessStepInput = {
  customer_id: string
  note_ids: string[]
  /** The admin user acting; only the author may change a note's body. */
  actor_id: string
  update?: CustomerNoteChanges
}

export const validateCustomerNoteAccessStepId =
  "cam-validate-customer-note-access"

/**
 * Loads the notes and checks that they all belong to the customer in the URL
 * (a note id under another customer is a 404, not a leak), that only the
 * author rewrites a note's text, and that nobody rewrites or deletes a system
 * note (the audit entries of security actions; pinning them is allowed).
 * `update` absent means a delete. Reads only, so there is nothing to compensate.
 */
export const validateCustomerNoteAccessStep = createStep(
  validateCustomerNoteAccessStepId,
  async (input: ValidateCustomerNoteAccessStepInput, { container }) => {
    const service: CustomerNoteModuleService =
      container.resolve(CUSTOMER_NOTE_MODULE)
    const notes = await service.listCustomerNotes({
      id: input.note_ids,
      customer_id: input.customer_id,
    })
    const found = new Set(notes.map((note) => note.id))
    const missing = input.note_ids.filter((id) => !found.has(id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Customer note with id: ${missing.join(", ")} was not found for customer ${input.customer_id}`
      )
    }

    const rewritesOrDeletes = !input.update || input.update.body !== undefined
    if (rewritesOrDeletes && notes.some((note) => note.is_system)) {
      throw new MedusaError(
        MedusaError.Types.FORBIDDEN,
        "System notes record security actions: nobody can change their text or delete them. You can still pin or unpin them."
      )
    }

    if (input.update?.body !== undefined) {
      const foreign = notes.filter((note) => note.author_id !== input.actor_id)
      if (foreign.length) {
        throw new MedusaError(
          MedusaError.Types.FORBIDDEN,
          "Only the author of a note can change its text. You can still pin or unpin it."
        )
      }
    }

    return new StepResponse(notes as CustomerNoteRecord[])
  }
)
