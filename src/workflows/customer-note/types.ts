export type CreateCustomerNoteInput = {
  customer_id: string
  author_id: string
  body: string
  pinned?: boolean
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
}
