import type { SystemNoteMessage } from "../../lib/messages"
import type { CreateCustomerNote, CustomerNoteChanges } from "../../lib/notes"
import type { AdminCustomerNote } from "../../types/customer-note"

export type CreateCustomerNoteInput = CreateCustomerNote & {
  customer_id: string
  author_id: string
  /** An audit entry the plugin writes for a security action: nobody can edit or delete it. */
  is_system?: boolean
  /** A system note's text as data (lib/messages `systemNoteText`), shown in each admin's language. */
  message?: SystemNoteMessage | null
}

export type { CustomerNoteChanges }

/** A note as the workflows read it back (the API's shape without author and dates). */
export type CustomerNoteRecord = Pick<
  AdminCustomerNote,
  "id" | "customer_id" | "author_id" | "body" | "pinned" | "is_system"
>
