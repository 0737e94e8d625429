import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core"
import {
  adjacencyGraphs,
  dictionary as commonDictionary,
} from "@zxcvbn-ts/language-common"
import {
  dictionary as englishDictionary,
  translations as englishTranslations,
} from "@zxcvbn-ts/language-en"

import { isCommonPassword } from "./common-passwords"
import { comparisonForm, normalizePassword } from "./normalize"
import {
  CHARACTER_SET_PATTERN_FLAGS,
  MAX_LENGTH_CEILING,
  type PasswordPolicyOptions,
} from "./options"

/** Stable codes a client can translate or branch on; messages may change. */
export const PasswordErrorCodes = {
  TOO_SHORT: "too_short",
  TOO_LONG: "too_long",
  COMMON: "common",
  CONTAINS_PERSONAL_INFO: "contains_personal_info",
  TOO_WEAK: "too_weak",
  CHARACTER_SET: "character_set",
  SEQUENCE: "sequence",
  DENY_LIST: "deny_list",
  REUSED: "reused",
  BREACHED: "breached",
  BREACH_CHECK_UNAVAILABLE: "breach_check_unavailable",
} as const

export type PasswordErrorCode =
  (typeof PasswordErrorCodes)[keyof typeof PasswordErrorCodes]

/** zxcvbn's scale: 0 is guessable in seconds, 4 resists offline attacks. */
export type PasswordScore = 0 | 1 | 2 | 3 | 4

export interface PasswordContext {
  email?: string | null
  first_name?: string | null
  last_name?: string | null
  store_name?: string | null
}

export interface PasswordValidationError {
  code: PasswordErrorCode
  message: string
}

export interface PasswordValidationResult {
  valid: boolean
  score: PasswordScore
  errors: PasswordValidationError[]
  /** zxcvbn's main remark, e.g. "This is a top-10 common password." */
  warning?: string
  suggestions: string[]
}

/**
 * zxcvbn looks every substring up in every dictionary, once more for each
 * l33t reading it tries, so its cost grows with length times readings. Only
 * a prefix is scored: human passwords are shorter, and passphrases of four
 * common words already score 4 within their first 24 characters, while a
 * weak prefix (a repeated pattern) rightly makes the whole count as weak. The
 * other rules still see the whole password. The first l33t reading (every
 * substitution applied) scored a sample of l33t passwords exactly as 100
 * readings did. Both limits were tuned with bench/password-policy.bench.ts.
 */
const STRENGTH_INPUT_MAX_CODE_POINTS = 24
const STRENGTH_L33T_MAX_SUBSTITUTIONS = 1

/** language-en's big lists; everything else in its dictionary is a word-sequence list. */
const ENGLISH_WORD_LISTS = new Set([
  "commonWords-en",
  "firstnames-en",
  "lastnames-en",
  "wikipedia-en",
])

/**
 * zxcvbn treats a dictionary as a word-sequence list ("onetwothree") when its
 * name starts with one of its sequence names plus "-", and a sequence may mix
 * words from different lists anyway.
 */
const WORD_SEQUENCES_DICTIONARY_NAME =
  "cardinalNumbers-en-merged-word-sequences"

/**
 * language-en's 14 word-sequence lists (numbers, months, planets...) merged
 * into one. zxcvbn looks every substring up in every dictionary, so 14 tiny
 * lists cost more than the big ones together: merged, the time per password
 * fell about threefold while sequences are still caught.
 */
function mergeWordSequenceLists(): string[] {
  const words = Object.entries(englishDictionary)
    .filter(([name]) => !ENGLISH_WORD_LISTS.has(name))
    .flatMap(([, list]) => list)
  return [...new Set(words)]
}

function buildStrengthDictionary(): Record<string, string[]> {
  const english = Object.entries(englishDictionary).filter(([name]) =>
    ENGLISH_WORD_LISTS.has(name)
  )
  return {
    ...commonDictionary,
    ...Object.fromEntries(english),
    [WORD_SEQUENCES_DICTIONARY_NAME]: mergeWordSequenceLists(),
  }
}

/**
 * Longer passwords are never estimated. The options schema caps `maxLength`
 * at the same value, so such a password is always refused as too long and
 * skipping the estimate cannot change the verdict.
 */
const STRENGTH_SKIP_ABOVE_CODE_POINTS = MAX_LENGTH_CEILING

const MIN_CONTEXT_WORD_LENGTH = 4
const CONTEXT_WORD_SEPARATORS = /[\s._+-]+/u

let zxcvbn: ZxcvbnFactory | undefined

/** Building zxcvbn's ranked dictionaries takes a few hundred ms: do it once, on first use. */
function getZxcvbn(): ZxcvbnFactory {
  if (!zxcvbn) {
    zxcvbn = new ZxcvbnFactory({
      dictionary: buildStrengthDictionary(),
      graphs: adjacencyGraphs,
      translations: englishTranslations,
      l33tMaxSubstitutions: STRENGTH_L33T_MAX_SUBSTITUTIONS,
    })
  }
  return zxcvbn
}

interface ContextSource {
  field: keyof PasswordContext
  label: string
}

const CONTEXT_SOURCES: readonly ContextSource[] = [
  { field: "email", label: "your e-mail address" },
  { field: "first_name", label: "your first name" },
  { field: "last_name", label: "your last name" },
  { field: "store_name", label: "the store name" },
]

/** Only the part before "@": the domain is shared by many users and says little. */
function emailLocalPart(email: string): string {
  const at = email.lastIndexOf("@")
  return at === -1 ? email : email.slice(0, at)
}

function contextValue(
  context: PasswordContext,
  field: keyof PasswordContext
): string {
  const raw = context[field]?.trim() ?? ""
  return field === "email" ? emailLocalPart(raw) : raw
}

/**
 * The whole value and its parts ("jane.doe+shop" -> "jane.doe+shop", "jane",
 * "shop"), lowercased. Parts under four characters are dropped: refusing
 * every password that contains "al" or "li" would refuse far too much.
 */
function contextWords(value: string): string[] {
  const lowered = comparisonForm(value)
  const words = new Set([lowered, ...lowered.split(CONTEXT_WORD_SEPARATORS)])
  return [...words].filter(
    (word) => [...word].length >= MIN_CONTEXT_WORD_LENGTH
  )
}

/** Labels of the context fields whose words appear in the password. */
function findPersonalInfo(
  password: string,
  context: PasswordContext
): string[] {
  const lowered = comparisonForm(password)
  return CONTEXT_SOURCES.filter(({ field }) =>
    contextWords(contextValue(context, field)).some((word) =>
      lowered.includes(word)
    )
  ).map(({ label }) => label)
}

/** zxcvbn penalises these like dictionary words, ranked first. */
function strengthUserInputs(context: PasswordContext): string[] {
  const inputs = new Set<string>()
  for (const { field } of CONTEXT_SOURCES) {
    const value = contextValue(context, field)
    if (!value) {
      continue
    }
    inputs.add(comparisonForm(value))
    for (const part of value.split(CONTEXT_WORD_SEPARATORS)) {
      if (part) {
        inputs.add(comparisonForm(part))
      }
    }
  }
  return [...inputs]
}

function estimateStrength(
  codePoints: readonly string[],
  context: PasswordContext
): ZxcvbnResult | null {
  if (codePoints.length > STRENGTH_SKIP_ABOVE_CODE_POINTS) {
    return null
  }
  // Scored as compared: zero-width characters and accents add no strength.
  const scored = comparisonForm(codePoints.slice(0, STRENGTH_INPUT_MAX_CODE_POINTS).join(""))
  return getZxcvbn().check(scored, strengthUserInputs(context))
}

function longestIdenticalRun(codePoints: readonly string[]): number {
  let longest = 0
  let current = 0
  codePoints.forEach((character, index) => {
    current = character === codePoints[index - 1] ? current + 1 : 1
    longest = Math.max(longest, current)
  })
  return longest
}

function pluralize(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`
}

function joinWithOr(items: readonly string[]): string {
  if (items.length <= 1) {
    return items.join("")
  }
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`
}

/** Everything a rule may look at, computed once per validation. */
interface RuleInput {
  password: string
  codePoints: readonly string[]
  context: PasswordContext
  options: PasswordPolicyOptions
  strength: ZxcvbnResult | null
}

type PasswordRule = (input: RuleInput) => PasswordValidationError | null

const checkMinLength: PasswordRule = ({ codePoints, options }) =>
  codePoints.length < options.minLength
    ? {
        code: PasswordErrorCodes.TOO_SHORT,
        message: `Password must be at least ${pluralize(options.minLength, "character", "characters")} long.`,
      }
    : null

const checkMaxLength: PasswordRule = ({ codePoints, options }) =>
  codePoints.length > options.maxLength
    ? {
        code: PasswordErrorCodes.TOO_LONG,
        message: `Password must be at most ${pluralize(options.maxLength, "character", "characters")} long.`,
      }
    : null

const checkDenyList: PasswordRule = ({ password, options }) => {
  const compared = comparisonForm(password)
  return options.denyList.some((denied) => comparisonForm(denied) === compared)
    ? {
        code: PasswordErrorCodes.DENY_LIST,
        message: "This password is not allowed. Choose a different one.",
      }
    : null
}

const checkCommon: PasswordRule = ({ password, options }) =>
  options.denyCommonPasswords && isCommonPassword(comparisonForm(password))
    ? {
        code: PasswordErrorCodes.COMMON,
        message:
          "This password is too common. Choose one that is harder to guess.",
      }
    : null

const checkPersonalInfo: PasswordRule = ({ password, context, options }) => {
  if (!options.contextWords) {
    return null
  }
  const found = findPersonalInfo(password, context)
  return found.length
    ? {
        code: PasswordErrorCodes.CONTAINS_PERSONAL_INFO,
        message: `Password must not contain ${joinWithOr(found)}.`,
      }
    : null
}

const checkCharacterSet: PasswordRule = ({ password, options }) => {
  const pattern = options.characterSetPattern
  if (
    pattern === null ||
    new RegExp(pattern, CHARACTER_SET_PATTERN_FLAGS).test(password)
  ) {
    return null
  }
  return {
    code: PasswordErrorCodes.CHARACTER_SET,
    message: `Password must match the required character pattern: ${pattern}`,
  }
}

const checkSequence: PasswordRule = ({ codePoints, options }) => {
  const limit = options.sequenceLimit
  if (limit === null || longestIdenticalRun(codePoints) <= limit) {
    return null
  }
  return {
    code: PasswordErrorCodes.SEQUENCE,
    message: `Password must not repeat the same character more than ${pluralize(limit, "time", "times")} in a row.`,
  }
}

const checkStrength: PasswordRule = ({ strength, options }) =>
  strength && strength.score < options.minScore
    ? {
        code: PasswordErrorCodes.TOO_WEAK,
        message: `Password is too easy to guess (strength ${strength.score} of 4; at least ${options.minScore} is required).`,
      }
    : null

/** Run in this order, so errors come back in this order. */
const PASSWORD_RULES: readonly PasswordRule[] = [
  checkMinLength,
  checkMaxLength,
  checkDenyList,
  checkCommon,
  checkPersonalInfo,
  checkCharacterSet,
  checkSequence,
  checkStrength,
]

/**
 * Checks a password against the policy and reports every rule it breaks.
 * Lengths count Unicode code points, so "🔒" or "密" is one character.
 *
 * An exact `allowList` entry skips every rule. Password reuse needs the
 * stored hashes and is checked separately with `isPasswordReused`.
 *
 * @example
 * const options = resolvePasswordPolicy({ minLength: 10 })
 * const result = validatePassword("hunter2", { email: "jane@example.com" }, options)
 * // result.valid === false; result.errors[0].code === "too_short"
 */
export function validatePassword(
  typed: string,
  context: PasswordContext,
  options: PasswordPolicyOptions
): PasswordValidationResult {
  // The form that will be hashed (see normalize.ts).
  const password = normalizePassword(typed)
  const codePoints = [...password]
  const strength = estimateStrength(codePoints, context)
  const score: PasswordScore = strength?.score ?? 0

  if (isAllowListed(typed, options)) {
    return { valid: true, score, errors: [], suggestions: [] }
  }

  const input: RuleInput = { password, codePoints, context, options, strength }
  const errors = PASSWORD_RULES.map((rule) => rule(input)).filter(
    (error): error is PasswordValidationError => error !== null
  )
  const warning = strength?.feedback.warning

  return {
    valid: errors.length === 0,
    score,
    errors,
    ...(warning ? { warning } : {}),
    suggestions: strength?.feedback.suggestions ?? [],
  }
}

/** Whether `allowList` names the password exactly (as typed or normalized): then no rule applies. */
export function isAllowListed(typed: string, options: PasswordPolicyOptions): boolean {
  return options.allowList.includes(typed) || options.allowList.includes(normalizePassword(typed))
}

/**
 * The error for a password the breach screen found. It never says how often:
 * a count would tell an attacker how popular a near miss is.
 */
export function breachedPasswordError(): PasswordValidationError {
  return {
    code: PasswordErrorCodes.BREACHED,
    message:
      "This password has appeared in a data breach, so attackers try it early. Choose a password you have not used anywhere else.",
  }
}

/** The error when the breach screen could not answer and `onUnavailable` is "refuse". */
export function breachCheckUnavailableError(): PasswordValidationError {
  return {
    code: PasswordErrorCodes.BREACH_CHECK_UNAVAILABLE,
    message: "This password cannot be checked against known data breaches right now. Try again in a few minutes.",
  }
}

/** The error to report when `isPasswordReused` returns true. */
export function reusedPasswordError(
  historySize: number
): PasswordValidationError {
  return {
    code: PasswordErrorCodes.REUSED,
    message:
      historySize === 1
        ? "Password must differ from your previous password."
        : `Password must differ from your last ${historySize} passwords.`,
  }
}
