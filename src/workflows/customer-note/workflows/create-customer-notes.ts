import { randomUUID } from "node:crypto"
import {
  createHook,
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { CustomerNoteEvents } from "../../../lib/events"
import { createCustomerNotesStep } from "../steps/create-customer-notes"
import type { CreateCustomerNoteInput } from "../types"

export type CreateCustomerNotesWorkflowInput = {
  notes: CreateCustomerNoteInput[]
}

export const createCustomerNotesWorkflowId = "cam-create-customer-notes"

/**
 * Creates notes on customers after checking that every customer exists, and
 * emits `customer_note.created` for each note.
 *
 * @example
 * const { result } = await createCustomerNotesWorkflow(container).run({
 *   input: {
 *     notes: [{ customer_id: "cus_123", author_id: "user_123", body: "Prefers phone calls" }],
 *   },
 * })
 */
export const createCustomerNotesWorkflow = createWorkflow(
  createCustomerNotesWorkflowId,
  (input: CreateCustomerNotesWorkflowInput) => {
    const customerIds = transform({ input }, ({ input }) => [
      ...new Set(input.notes.map((note) => note.customer_id)),
    ])

    // Fails with NOT_FOUND when any customer id is unknown.
    useQueryGraphStep({
      entity: "customer",
      fields: ["id"],
      filters: { id: customerIds },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "cam-validate-note-customers" })

    const notes = createCustomerNotesStep(input.notes)

    const eventData = transform({ notes }, ({ notes }) =>
      notes.map((note) => ({
        event_id: randomUUID(),
        id: note.id,
        customer_id: note.customer_id,
        actor_id: note.author_id,
        pinned: note.pinned,
        is_system: note.is_system,
      }))
    )
    emitEventStep({ eventName: CustomerNoteEvents.CREATED, data: eventData })

    const notesCreated = createHook("notesCreated", { notes })

    return new WorkflowResponse(notes, { hooks: [notesCreated] })
  }
)
