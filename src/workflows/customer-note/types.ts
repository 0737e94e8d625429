export type CreateCustomerNoteInput = {
  customer_id: string
  author_id: string
  body: string
  pinned?: boolean
  /** An audit entry the plugin writes for a security action: nobody can edit or delete it. */
  is_system?: boolean
}

export type CustomerNoteChanges = {
  body?: string
  pinned?: boolean
}

export type CustomerNoteRecord = {
  id: string
  customer_id: string
  author_id: string
  body: string
  pinned: boolean
  is_system: boolean
}
