import { NOTE_BODY_MAX_LENGTH } from "../../lib/notes"
import type { AdminCustomerNote, SystemNoteMessage } from "../../types/customer-note"
import { formatDateTimeWithZone } from "./date-format"

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

/** The i18n key of a system note's text (admin i18n `customerAccounts.systemNotes.*`). */
export type SystemNoteI18nKey = `customerAccounts.${SystemNoteMessage["key"]}`

/** A system note's text in the viewer's language: an i18n key and its values. */
export type SystemNoteTranslation = {
  key: SystemNoteI18nKey
  values: Record<string, string | number>
}

/** Parameters that hold an ISO date (the lock's end). */
const DATE_PARAMS = new Set(["locked_until"])

/** A system note's dates read like every audit date of the plugin (see date-format). */
export const formatNoteDateTime = formatDateTimeWithZone

/**
 * How the admin shows a system note in the viewer's language: the i18n key
 * of its `message` and the values to fill in, dates formatted for `locale`
 * (a BCP 47 tag, see date-format `toIntlLocale`). Null when the note has no
 * message (an admin's note, or a system note written before messages
 * existed) or one this admin does not know: its `body` is shown then.
 */
export const systemNoteTranslation = (
  note: Pick<AdminCustomerNote, "message">,
  locale: string,
  isKnownKey: (key: string) => boolean
): SystemNoteTranslation | null => {
  const message = note.message
  if (!message || typeof message.key !== "string" || !message.key.startsWith("systemNotes.")) {
    return null
  }
  const key = `customerAccounts.${message.key}` as SystemNoteI18nKey
  if (!isKnownKey(key)) {
    return null
  }
  const values: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(message.params ?? {})) {
    if (typeof value === "number") {
      values[name] = value
    } else if (typeof value === "string") {
      values[name] = DATE_PARAMS.has(name) ? formatNoteDateTime(value, locale) : value
    }
  }
  return { key, values }
}
