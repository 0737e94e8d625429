import { de } from "./catalog/de"
import { en } from "./catalog/en"
import {
  FALLBACK_TIME_ZONE,
  isTimeZone,
  negotiateLocale,
  type MessageLanguage,
} from "./locale"
import type { MessageCatalog, MessageFormatters, MessageKey, MessageParams } from "./types"

const CATALOGS: Record<MessageLanguage, MessageCatalog> = { en, de }

export type TranslateOptions = {
  /** IANA time zone of the reader (`Europe/Berlin`); UTC when unknown or invalid. */
  timeZone?: string | null
}

/**
 * Formats dates for one reader: their locale's words and order, in their
 * time zone (UTC unless known), and always naming the zone, since a reader
 * cannot tell it from the text.
 */
export function messageFormatters(tag: string, { timeZone }: TranslateOptions = {}): MessageFormatters {
  const dateTimeFormat = new Intl.DateTimeFormat(tag, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: isTimeZone(timeZone) ? timeZone : FALLBACK_TIME_ZONE,
    timeZoneName: "short",
  })
  return {
    dateTime: (iso) => {
      const date = new Date(iso)
      // An unparsable value is shown as given rather than as "Invalid Date".
      return Number.isNaN(date.getTime()) ? String(iso) : dateTimeFormat.format(date)
    },
  }
}

/**
 * The text of `key` for a reader of `locale` (a BCP 47 tag such as "de-DE",
 * or candidate tags, best first): in the first language the catalog speaks,
 * else English.
 *
 * @example
 * translate("de-DE", "systemNotes.passwordSet", { admin: "Ada" }) // "Passwort gesetzt von Ada"
 */
export function translate<K extends MessageKey>(
  locale: string | null | undefined | readonly (string | null | undefined)[],
  key: K,
  params: MessageParams[K],
  options: TranslateOptions = {}
): string {
  const { language, tag } = negotiateLocale(locale)
  const template = CATALOGS[language][key]
  return template(params, messageFormatters(tag, options))
}
