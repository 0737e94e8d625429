import { FALLBACK_LANGUAGE } from "./locale"
import { translate } from "./translate"
import type { MessageParams, SystemNoteKey, SystemNoteMessage } from "./types"

/** What a system note stores: its English text, and its text as data for every other reader. */
export type SystemNoteText = {
  /** English, dates in UTC: what API clients and search read. */
  body: string
  message: SystemNoteMessage
}

/**
 * A system note's text: the admin shows `message` in the viewer's language
 * (admin i18n `customerAccounts.systemNotes.*`), everyone else reads `body`.
 *
 * @example
 * systemNoteText("systemNotes.passwordSet", { admin: "Ada Admin" })
 * // { body: "Password set by Ada Admin", message: { key: "systemNotes.passwordSet", params: { admin: "Ada Admin" } } }
 */
export function systemNoteText<K extends SystemNoteKey>(key: K, params: MessageParams[K]): SystemNoteText {
  return {
    body: translate(FALLBACK_LANGUAGE, key, params),
    message: { key, params } as SystemNoteMessage,
  }
}
