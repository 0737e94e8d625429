/** The languages the server's message catalog speaks. */
export const MESSAGE_LANGUAGES = ["en", "de"] as const
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number]

/** The language of every text the server writes for no one in particular (note bodies, search). */
export const FALLBACK_LANGUAGE: MessageLanguage = "en"

/** The time zone of dates in texts whose reader's time zone is unknown. */
export const FALLBACK_TIME_ZONE = "UTC"

/**
 * The canonical spelling of a BCP 47 tag (`de-de` -> `de-DE`; `de_DE`, as
 * some systems write it, is read as `de-DE`), or null when it is not one.
 */
export function canonicalLocale(tag: string | null | undefined): string | null {
  if (typeof tag !== "string" || !tag.trim()) {
    return null
  }
  try {
    return Intl.getCanonicalLocales(tag.trim().replaceAll("_", "-"))[0] ?? null
  } catch {
    return null
  }
}

const isMessageLanguage = (language: string): language is MessageLanguage =>
  (MESSAGE_LANGUAGES as readonly string[]).includes(language)

/** The catalog language of a tag (`de-AT` -> `de`); null when the catalog does not speak it. */
export function messageLanguage(tag: string | null | undefined): MessageLanguage | null {
  const canonical = canonicalLocale(tag)
  if (!canonical) {
    return null
  }
  const language = new Intl.Locale(canonical).language
  return isMessageLanguage(language) ? language : null
}

/** The locale a text is written in: its catalog language and the tag dates are formatted with. */
export type NegotiatedLocale = {
  language: MessageLanguage
  /** The caller's tag when its language is the catalog's (`de-AT` keeps Austrian month names), else the language. */
  tag: string
}

/**
 * The first of the candidate tags (the reader's preference first, then
 * fallbacks) whose language the catalog speaks; English when none is.
 *
 * @example
 * negotiateLocale(["fr-FR", "de-AT"]) // { language: "de", tag: "de-AT" }
 */
export function negotiateLocale(candidates: string | null | undefined | readonly (string | null | undefined)[]): NegotiatedLocale {
  for (const candidate of [candidates].flat()) {
    const language = messageLanguage(candidate)
    if (language) {
      return { language, tag: canonicalLocale(candidate) as string }
    }
  }
  return { language: FALLBACK_LANGUAGE, tag: FALLBACK_LANGUAGE }
}

/** Whether Intl knows the IANA time zone (`Europe/Berlin`). */
export function isTimeZone(timeZone: string | null | undefined): timeZone is string {
  if (typeof timeZone !== "string" || !timeZone) {
    return false
  }
  try {
    new Intl.DateTimeFormat("en", { timeZone })
    return true
  } catch {
    return false
  }
}
