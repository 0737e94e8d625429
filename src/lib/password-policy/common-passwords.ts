import { dictionary as commonDictionary } from "@zxcvbn-ts/language-common"
import { dictionary as englishDictionary } from "@zxcvbn-ts/language-en"

/**
 * Leaked passwords (~49,000) plus common English words (~56,000): a password
 * that is exactly one of these, optionally followed by digits or symbols, is
 * among the first guesses of any cracking tool.
 */
const COMMON_PASSWORD_SOURCES: readonly (readonly string[])[] = [
  commonDictionary["passwords-common"],
  englishDictionary["commonWords-en"],
]

/**
 * Shorter stems are left to the strength estimator: matching "b" in
 * "b7#@!$%^&*1" against the word list would refuse a reasonable password.
 */
const MIN_STEM_LENGTH = 4

const LETTER = /\p{L}/u

let commonPasswords: ReadonlySet<string> | undefined

/** Built on first use: ~100,000 strings are not worth paying for at import time. */
export function getCommonPasswords(): ReadonlySet<string> {
  if (!commonPasswords) {
    const entries = new Set<string>()
    for (const source of COMMON_PASSWORD_SOURCES) {
      for (const entry of source) {
        entries.add(entry.toLowerCase())
      }
    }
    commonPasswords = entries
  }
  return commonPasswords
}

/**
 * Drops trailing digits, symbols and spaces ("password123!" -> "password").
 * A loop rather than a `/[^\p{L}]+$/u` regex, whose backtracking is
 * quadratic on long runs of non-letters.
 */
export function stripTrailingNonLetters(text: string): string {
  const codePoints = [...text]
  let end = codePoints.length
  while (end > 0 && !LETTER.test(codePoints[end - 1])) {
    end -= 1
  }
  return codePoints.slice(0, end).join("")
}

/**
 * True when the password, ignoring case, is a common password or word, or
 * is one followed only by digits and symbols ("Password123!").
 */
export function isCommonPassword(password: string): boolean {
  const lowered = password.toLowerCase()
  const common = getCommonPasswords()
  if (common.has(lowered)) {
    return true
  }
  const stem = stripTrailingNonLetters(lowered)
  return (
    stem !== lowered && [...stem].length >= MIN_STEM_LENGTH && common.has(stem)
  )
}
