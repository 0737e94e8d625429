import { randomUUID } from "node:crypto"
import {
  createHook,
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerNoteEvents } from "../../../lib/events"
import { deleteCustomerNotesStep } from "../steps/delete-customer-notes"
import { validateCustomerNoteAccessStep } from "../steps/validate-customer-note-access"

export type DeleteCustomerNotesWorkflowInput = {
  customer_id: string
  note_ids: string[]
  actor_id: string
}

export const deleteCustomerNotesWorkflowId = "cam-delete-customer-notes"

/**
 * Soft-deletes notes of one customer and emits `customer_note.deleted`.
 * Any admin may delete a note (it stays restorable in the database), except
 * a system note (the audit entry of a security action), which nobody deletes.
 *
 * @example
 * await deleteCustomerNotesWorkflow(container).run({
 *   input: { customer_id: "cus_123", note_ids: ["cnote_1"], actor_id: "user_1" },
 * })
 */
export const deleteCustomerNotesWorkflow = createWorkflow(
  deleteCustomerNotesWorkflowId,
  (input: DeleteCustomerNotesWorkflowInput) => {
    validateCustomerNoteAccessStep(input)

    deleteCustomerNotesStep(input.note_ids)

    const eventData = transform({ input }, ({ input }) =>
      input.note_ids.map((id) => ({ event_id: randomUUID(), id, customer_id: input.customer_id, actor_id: input.actor_id }))
    )
    emitEventStep({ eventName: CustomerNoteEvents.DELETED, data: eventData })

    const notesDeleted = createHook("notesDeleted", { ids: input.note_ids })

    return new WorkflowResponse(input.note_ids, { hooks: [notesDeleted] })
  }
)
