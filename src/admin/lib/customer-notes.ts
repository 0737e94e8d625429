import {
  NOTE_BODY_MAX_LENGTH,
  type AdminCustomerNote,
} from "../../types/customer-note"

export { NOTE_BODY_MAX_LENGTH }

/** Below this many characters left, the forms show a counter. */
export const NOTE_BODY_COUNTER_THRESHOLD = 500

/** Notes per "Show more" page. */
export const CUSTOMER_NOTES_PAGE_SIZE = 10

export type NoteBodyCheck = {
  /** Length the API validates: the trimmed body. */
  length: number
  /** Characters left before the limit; negative when over it. */
  remaining: number
  isEmpty: boolean
  isTooLong: boolean
  isValid: boolean
}

/** The API's body rule: 1..NOTE_BODY_MAX_LENGTH characters after trim. */
export const checkNoteBody = (body: string): NoteBodyCheck => {
  const length = body.trim().length
  const remaining = NOTE_BODY_MAX_LENGTH - length
  const isEmpty = length === 0
  const isTooLong = remaining < 0

  return {
    length,
    remaining,
    isEmpty,
    isTooLong,
    isValid: !isEmpty && !isTooLong,
  }
}

/**
 * `author_id` of the notes the plugin writes by itself (the lock notice of
 * src/subscribers/notify-account-locked.ts). No admin user has this id.
 */
export const SYSTEM_NOTE_AUTHOR_ID = "system"

/**
 * Whether the note is a system entry: written by the plugin for a security
 * action (by itself, or naming the admin who acted). Nobody edits or deletes it.
 */
export const isSystemNote = (note: AdminCustomerNote): boolean =>
  note.is_system || note.author_id === SYSTEM_NOTE_AUTHOR_ID

/** The author's full name, else e-mail; null once the user was deleted. */
export const getNoteAuthorLabel = (note: AdminCustomerNote): string | null => {
  if (!note.author) {
    return null
  }

  const name = [note.author.first_name, note.author.last_name]
    .filter(Boolean)
    .join(" ")
    .trim()

  return name || note.author.email
}
