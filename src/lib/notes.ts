import { z } from "zod"
import { noNul } from "./text"

/** Longest note text, in characters after trimming (API validator and widget counter). */
export const NOTE_BODY_MAX_LENGTH = 10_000

// Medusa words size and enum errors itself ("Value for field 'body' too
// small, expected at least: '1'"), so no custom messages here.
const noteBody = z.string().trim().min(1).max(NOTE_BODY_MAX_LENGTH).refine(...noNul("body"))

/** A new note as an admin writes it; the caller becomes its author. */
export const CreateCustomerNoteSchema = z
  .object({
    body: noteBody,
    pinned: z.boolean().optional(),
  })
  .strict()
export type CreateCustomerNote = z.infer<typeof CreateCustomerNoteSchema>

/** What an update may change: the text (its author only) and the pin (any admin). */
export const CustomerNoteChangesSchema = z
  .object({
    body: noteBody.optional(),
    pinned: z.boolean().optional(),
  })
  .strict()
export type CustomerNoteChanges = z.infer<typeof CustomerNoteChangesSchema>
