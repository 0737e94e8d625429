import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type {
  AdminCustomerNoteDeleteResponse,
  AdminCustomerNoteResponse,
} from "../../../../../../types/customer-note"
import {
  deleteCustomerNotesWorkflow,
  updateCustomerNotesWorkflow,
} from "../../../../../../workflows/customer-note"
import { refetchCustomerNote } from "../../../../../utils/notes"
import type { AdminUpdateCustomerNoteType } from "../validators"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCustomerNoteResponse>
) => {
  const note = await refetchCustomerNote(
    req.scope,
    req.params.id,
    req.params.note_id,
    req.queryConfig.fields
  )
  res.json({ note })
}

/** Pins/unpins a note (any admin) or rewrites its text (author only). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateCustomerNoteType>,
  res: MedusaResponse<AdminCustomerNoteResponse>
) => {
  const { id: customerId, note_id: noteId } = req.params
  await updateCustomerNotesWorkflow(req.scope).run({
    input: {
      customer_id: customerId,
      note_ids: [noteId],
      actor_id: req.auth_context.actor_id,
      update: req.validatedBody,
    },
  })

  const note = await refetchCustomerNote(
    req.scope,
    customerId,
    noteId,
    req.queryConfig.fields
  )
  res.json({ note })
}

export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCustomerNoteDeleteResponse>
) => {
  const { id: customerId, note_id: noteId } = req.params
  await deleteCustomerNotesWorkflow(req.scope).run({
    input: {
      customer_id: customerId,
      note_ids: [noteId],
      actor_id: req.auth_context.actor_id,
    },
  })

  res.json({ id: noteId, object: "customer_note", deleted: true })
}
