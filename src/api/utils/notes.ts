import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import type { AdminCustomerNote } from "../../types/customer-note"

/** Re-reads one note of a customer with the fields the request asked for. */
export async function refetchCustomerNote(
  scope: MedusaContainer,
  customerId: string,
  noteId: string,
  fields: string[]
): Promise<AdminCustomerNote> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [note],
  } = await query.graph({
    entity: "customer_note",
    fields,
    filters: { id: noteId, customer_id: customerId },
  })
  if (!note) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer note with id: ${noteId} was not found for customer ${customerId}`
    )
  }
  return note as unknown as AdminCustomerNote
}
