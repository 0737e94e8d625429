/**
 * The locales Medusa knows: the BCP 47 tags its Translation module seeds
 * (`@medusajs/translation`, loaders/defaults), in its order. The preferences
 * form offers them when the store lists no languages of its own.
 */
export const MEDUSA_LOCALES = [
  "en-US", "en-GB", "en-AU", "en-CA", "es-ES", "es-MX", "es-AR", "fr-FR", "fr-CA", "fr-BE",
  "de-DE", "de-AT", "de-CH", "it-IT", "pt-BR", "pt-PT", "nl-NL", "nl-BE", "da-DK", "sv-SE",
  "nb-NO", "fi-FI", "pl-PL", "lt-LT", "cs-CZ", "sk-SK", "hu-HU", "ro-RO", "bg-BG", "el-GR",
  "tr-TR", "ru-RU", "uk-UA", "ar-SA", "ar-AE", "ar-EG", "he-IL", "hi-IN", "bn-BD", "th-TH",
  "vi-VN", "id-ID", "ms-MY", "tl-PH", "zh-CN", "zh-TW", "zh-HK", "ja-JP", "ko-KR", "ka-GE",
  "mn-MN",
] as const

/** Names of ISO 639 languages; none for a subtag that names no language (the server's check). */
const LANGUAGE_NAMES = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" })

/**
 * Whether a well-formed tag names a language (`german` is well-formed, a
 * 6-letter subtag, and names none): what the server accepts when the store
 * lists no languages.
 */
export const namesLanguage = (tag: string): boolean => {
  try {
    return LANGUAGE_NAMES.of(new Intl.Locale(tag).language) !== undefined
  } catch {
    return false
  }
}

/** A locale to choose: its tag and what the list shows and searches. */
export type LocaleOption = {
  tag: string
  /** "German (Germany) (de-DE)" in the admin's language. */
  label: string
  /** Further words a search matches, e.g. the English name. */
  keywords?: string[]
}

/** Folds case and accents: "Francais" finds "Français". */
const fold = (text: string) =>
  text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()

/**
 * The options a search matches, in their order; tags that start with the
 * search first ("de" lists de-DE before "Swedish" or "Bangladesh"). Every
 * option for an empty search.
 */
export const searchLocales = <T extends LocaleOption>(options: T[], search: string): T[] => {
  // `de_DE`, as some systems write tags, searches as `de-DE`.
  const query = fold(search.trim().replace(/_/g, "-"))
  const words = query.split(/[\s()]+/).filter(Boolean)
  if (words.length === 0) {
    return options
  }
  const matches = options.filter((option) => {
    const haystack = fold([option.tag, option.label, ...(option.keywords ?? [])].join(" "))
    return words.every((word) => haystack.includes(word))
  })
  const byTag = (option: T) => fold(option.tag).startsWith(query)
  return [...matches.filter(byTag), ...matches.filter((option) => !byTag(option))]
}
