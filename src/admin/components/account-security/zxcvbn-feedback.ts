/**
 * zxcvbn's advice as the strength check sends it: English sentences (from
 * `@zxcvbn-ts/language-en`, the only language the server loads), without
 * their keys. Each sentence is mapped back to its key here so the meter can
 * say it in the dashboard's language (`customerAccounts.security.strength.
 * feedback.*`). A sentence missing here (a newer zxcvbn) is shown as sent.
 * `__tests__/zxcvbn-feedback.unit.spec.ts` checks the table against the
 * installed package.
 */
export const ZXCVBN_WARNINGS = {
  straightRow: "Straight rows of keys on your keyboard are easy to guess.",
  keyPattern: "Short keyboard patterns are easy to guess.",
  simpleRepeat: 'Repeated characters like "aaa" are easy to guess.',
  extendedRepeat:
    'Repeated character patterns like "abcabcabc" are easy to guess.',
  sequences: 'Common character sequences like "abc" are easy to guess.',
  recentYears: "Recent years are easy to guess.",
  dates: "Dates are easy to guess.",
  topTen: "This is a heavily used password.",
  topHundred: "This is a frequently used password.",
  common: "This is a commonly used password.",
  similarToCommon: "This is similar to a commonly used password.",
  wordByItself: "Single words are easy to guess.",
  namesByThemselves: "Single names or surnames are easy to guess.",
  commonNames: "Common names and surnames are easy to guess.",
  userInputs: "There should not be any personal or page related data.",
  pwned: "Your password was exposed by a data breach on the Internet.",
} as const

export const ZXCVBN_SUGGESTIONS = {
  l33t: "Avoid predictable letter substitutions like '@' for 'a'.",
  reverseWords: "Avoid reversed spellings of common words.",
  allUppercase: "Capitalize some, but not all letters.",
  capitalization: "Capitalize more than the first letter.",
  dates: "Avoid dates and years that are associated with you.",
  recentYears: "Avoid recent years.",
  associatedYears: "Avoid years that are associated with you.",
  sequences: "Avoid common character sequences.",
  repeated: "Avoid repeated words and characters.",
  longerKeyboardPattern:
    "Use longer keyboard patterns and change typing direction multiple times.",
  anotherWord: "Add more words that are less common.",
  useWords: "Use multiple words, but avoid common phrases.",
  noNeed:
    "You can create strong passwords without using symbols, numbers, or uppercase letters.",
  pwned: "If you use this password elsewhere, you should change it.",
} as const

export type ZxcvbnWarningKey = keyof typeof ZXCVBN_WARNINGS
export type ZxcvbnSuggestionKey = keyof typeof ZXCVBN_SUGGESTIONS

const byText = <TKey extends string>(table: Record<TKey, string>) =>
  new Map(
    (Object.entries(table) as [TKey, string][]).map(([key, text]) => [
      text,
      key,
    ])
  )

const WARNING_KEYS = byText<ZxcvbnWarningKey>(ZXCVBN_WARNINGS)
const SUGGESTION_KEYS = byText<ZxcvbnSuggestionKey>(ZXCVBN_SUGGESTIONS)

/** The key of a warning the server sent, if this admin knows it. */
export const zxcvbnWarningKey = (text: string) => WARNING_KEYS.get(text)

/** The key of a suggestion the server sent, if this admin knows it. */
export const zxcvbnSuggestionKey = (text: string) => SUGGESTION_KEYS.get(text)
