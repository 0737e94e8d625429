/**
 * The texts the server writes (system notes, e-mails) in the reader's
 * language: a typed catalog per language (`catalog/`), `translate` for one
 * text, `renderEmail` for a whole e-mail, `systemNoteText` for an audit note.
 * Pure code: no Medusa dependency.
 */
export * from "./emails"
export * from "./locale"
export * from "./system-notes"
export * from "./translate"
export * from "./types"
