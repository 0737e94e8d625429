/**
 * Events emitted by the customer-note workflows; payload per note
 * `{ event_id, id, customer_id, actor_id, pinned? }` (updates also name the
 * `changed` fields). Never the body: the activity timeline records them.
 */
export const CustomerNoteEvents = {
  CREATED: "customer_note.created",
  UPDATED: "customer_note.updated",
  DELETED: "customer_note.deleted",
} as const
