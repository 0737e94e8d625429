/** Events emitted by the customer-note workflows; payload `{ id, customer_id }`. */
export const CustomerNoteEvents = {
  CREATED: "customer_note.created",
  UPDATED: "customer_note.updated",
  DELETED: "customer_note.deleted",
} as const
