import { randomUUID } from "node:crypto"
import {
  createHook,
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerNoteEvents } from "../../../lib/events"
import { updateCustomerNotesStep } from "../steps/update-customer-notes"
import { validateCustomerNoteAccessStep } from "../steps/validate-customer-note-access"
import type { CustomerNoteChanges } from "../types"

export type UpdateCustomerNotesWorkflowInput = {
  customer_id: string
  note_ids: string[]
  /** The admin user making the change; only a note's author may change its body. */
  actor_id: string
  update: CustomerNoteChanges
}

export const updateCustomerNotesWorkflowId = "cam-update-customer-notes"

/**
 * Updates notes of one customer: any admin may pin or unpin, only the author
 * may rewrite the text. Emits `customer_note.updated`.
 *
 * @example
 * await updateCustomerNotesWorkflow(container).run({
 *   input: { customer_id: "cus_123", note_ids: ["cnote_1"], actor_id: "user_1", update: { pinned: true } },
 * })
 */
export const updateCustomerNotesWorkflow = createWorkflow(
  updateCustomerNotesWorkflowId,
  (input: UpdateCustomerNotesWorkflowInput) => {
    validateCustomerNoteAccessStep(input)

    const notes = updateCustomerNotesStep({
      ids: input.note_ids,
      update: input.update,
    })

    const eventData = transform({ notes, input }, ({ notes, input }) =>
      notes.map((note) => ({
        event_id: randomUUID(),
        id: note.id,
        customer_id: note.customer_id,
        actor_id: input.actor_id,
        pinned: note.pinned,
        changed: Object.keys(input.update),
      }))
    )
    emitEventStep({ eventName: CustomerNoteEvents.UPDATED, data: eventData })

    const notesUpdated = createHook("notesUpdated", { notes })

    return new WorkflowResponse(notes, { hooks: [notesUpdated] })
  }
)
