import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type {
  AdminCustomerNote,
  AdminCustomerNoteListResponse,
  AdminCustomerNoteResponse,
} from "../../../../../types/customer-note"
import { fetchCustomerOrThrow } from "../../../../utils/customers"
import { refetchCustomerNote } from "../../../../utils/notes"
import { createCustomerNotesWorkflow } from "../../../../../workflows/customer-note"
import type {
  AdminCreateCustomerNoteType,
  AdminGetCustomerNotesParamsType,
} from "./validators"

/** Lists a customer's notes: pinned first, then by `order` (newest first by default). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerNotesParamsType>,
  res: MedusaResponse<AdminCustomerNoteListResponse>
) => {
  const customerId = req.params.id
  await fetchCustomerOrThrow(req.scope, customerId)

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { skip = 0, take = 20, order } = req.queryConfig.pagination
  const { data: notes, metadata } = await query.graph({
    entity: "customer_note",
    fields: req.queryConfig.fields,
    filters: { customer_id: customerId },
    pagination: {
      skip,
      take,
      // `id` last keeps pages stable when two notes share a timestamp.
      order: { pinned: "DESC", ...order, id: "DESC" },
    },
  })

  res.json({
    notes: notes as unknown as AdminCustomerNote[],
    count: metadata?.count ?? notes.length,
    offset: metadata?.skip ?? skip,
    limit: metadata?.take ?? take,
  })
}

/** Adds a note to a customer; the calling admin becomes its author. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateCustomerNoteType>,
  res: MedusaResponse<AdminCustomerNoteResponse>
) => {
  const customerId = req.params.id
  const {
    result: [created],
  } = await createCustomerNotesWorkflow(req.scope).run({
    input: {
      notes: [
        {
          ...req.validatedBody,
          customer_id: customerId,
          author_id: req.auth_context.actor_id,
        },
      ],
    },
  })

  const note = await refetchCustomerNote(
    req.scope,
    customerId,
    created.id,
    req.queryConfig.fields
  )
  res.status(200).json({ note })
}
