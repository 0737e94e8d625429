/**
 * HTTP shapes of the customer-note admin API, shared by the routes and the admin widgets.
 */

import type { SystemNoteMessage } from "../lib/messages/types"

export type { SystemNoteMessage }

export type CustomerNoteAuthor = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
}

export type AdminCustomerNote = {
  id: string
  customer_id: string
  body: string
  pinned: boolean
  /**
   * An audit entry the plugin wrote for a security action (lock, unlock,
   * reset link, password set): nobody can change its text or delete it.
   */
  is_system: boolean
  /**
   * A system note's text as data (`{ key, params }`), for the admin to show
   * in the viewer's language; `body` holds it in English. Null for admins'
   * notes and for system notes written before it existed.
   */
  message: SystemNoteMessage | null
  /** The admin who acted (or "system" for automatic entries). */
  author_id: string
  /** The admin user who wrote the note; null when that user has been deleted. */
  author: CustomerNoteAuthor | null
  created_at: string
  updated_at: string
}

export type AdminCustomerNoteListParams = {
  limit?: number
  offset?: number
  /** Secondary order after `pinned` (pinned notes always come first), e.g. `-created_at`. */
  order?: string
}

export type AdminCustomerNoteListResponse = {
  notes: AdminCustomerNote[]
  count: number
  limit: number
  offset: number
}

export type AdminCustomerNoteResponse = {
  note: AdminCustomerNote
}

/** Bodies of the create and update routes, inferred from their zod schemas. */
export type {
  CreateCustomerNote as AdminCreateCustomerNote,
  CustomerNoteChanges as AdminUpdateCustomerNote,
} from "../lib/notes"

export type AdminCustomerNoteDeleteResponse = {
  id: string
  object: "customer_note"
  deleted: true
}
