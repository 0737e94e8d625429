import { z } from "zod"

/**
 * `default` keeps the plain defaults; `nist-single-factor` follows NIST
 * SP 800-63B for passwords used as the only authentication factor, which asks
 * for at least 15 characters.
 */
export const PASSWORD_POLICY_PRESETS = [
  "default",
  "nist-single-factor",
] as const
export type PasswordPolicyPreset = (typeof PASSWORD_POLICY_PRESETS)[number]

/** Minimum length each preset applies when `minLength` is not given. */
export const PRESET_MIN_LENGTH: Record<PasswordPolicyPreset, number> = {
  default: 8,
  "nist-single-factor": 15,
}

/**
 * NIST SP 800-63B asks verifiers to accept at least 64 characters, so
 * `maxLength` may not go below it. The ceiling keeps every accepted password
 * within the range the strength estimator looks at (see validator.ts).
 */
export const MAX_LENGTH_FLOOR = 64
export const MAX_LENGTH_CEILING = 256
export const MAX_HISTORY_SIZE = 24

/** The public Pwned Passwords range API (k-anonymity: it is sent 5 hex characters of a SHA-1). */
export const PWNED_PASSWORDS_RANGE_URL = "https://api.pwnedpasswords.com/range/"

export const BREACHED_PASSWORDS_DEFAULTS = {
  enabled: true,
  minOccurrences: 1,
  timeoutMs: 1500,
  onUnavailable: "allow",
  rangeUrl: PWNED_PASSWORDS_RANGE_URL,
  checkOnLogin: false,
  cacheSeconds: 24 * 60 * 60,
} as const

/**
 * Screening against passwords known from data breaches (NIST SP 800-63B
 * 5.1.1.2). Only the first 5 hex characters of the password's SHA-1 leave
 * the server (see lib/password-policy/breached.ts).
 */
const breachedPasswordsOptionsSchema = z.strictObject({
  enabled: z.boolean().default(BREACHED_PASSWORDS_DEFAULTS.enabled),
  /** A password is refused when the range lists it at least this many times. */
  minOccurrences: z.number().int().min(1).default(BREACHED_PASSWORDS_DEFAULTS.minOccurrences),
  /** How long one range request may take before the service counts as unavailable. */
  timeoutMs: z.number().int().min(50).max(30_000).default(BREACHED_PASSWORDS_DEFAULTS.timeoutMs),
  /** What a password gets while the service cannot answer: accepted (with a warning in the log) or refused. */
  onUnavailable: z.enum(["allow", "refuse"]).default(BREACHED_PASSWORDS_DEFAULTS.onUnavailable),
  /** Where the range API is: the 5-character prefix is appended. A self-hosted mirror works the same way. */
  rangeUrl: z
    .url({ protocol: /^https?$/, error: "rangeUrl must be an http(s) URL." })
    .default(BREACHED_PASSWORDS_DEFAULTS.rangeUrl),
  /** Screen the password of every successful customer login too; a hit marks the account "password change required". */
  checkOnLogin: z.boolean().default(BREACHED_PASSWORDS_DEFAULTS.checkOnLogin),
  /** How long a range answer is reused (in memory, and in Medusa's caching module when there is one). */
  cacheSeconds: z.number().int().min(0).max(30 * 24 * 60 * 60).default(BREACHED_PASSWORDS_DEFAULTS.cacheSeconds),
})
export type BreachedPasswordsOptions = z.output<typeof breachedPasswordsOptionsSchema>

export const PASSWORD_POLICY_DEFAULTS = {
  preset: "default",
  minLength: PRESET_MIN_LENGTH.default,
  maxLength: 128,
  denyCommonPasswords: true,
  contextWords: true,
  minScore: 2,
  characterSetPattern: null,
  sequenceLimit: null,
  historySize: 0,
} as const

/**
 * The flag `validatePassword` compiles `characterSetPattern` with; the options
 * check compiles with the same flag so that a pattern accepted at boot can
 * never throw later. `u` makes `.` and classes work on code points.
 */
export const CHARACTER_SET_PATTERN_FLAGS = "u"

function compilesAsRegExp(source: string): boolean {
  try {
    new RegExp(source, CHARACTER_SET_PATTERN_FLAGS)
    return true
  } catch {
    return false
  }
}

const passwordPolicyOptionsObjectSchema = z.strictObject({
  preset: z
    .enum(PASSWORD_POLICY_PRESETS)
    .default(PASSWORD_POLICY_DEFAULTS.preset),
  /** Unset means "whatever the preset says", hence no default here. */
  minLength: z.number().int().min(1).optional(),
  maxLength: z
    .number()
    .int()
    .min(MAX_LENGTH_FLOOR, {
      error: `maxLength must be at least ${MAX_LENGTH_FLOOR} (NIST SP 800-63B).`,
    })
    .max(MAX_LENGTH_CEILING, {
      error: `maxLength must be at most ${MAX_LENGTH_CEILING}.`,
    })
    .default(PASSWORD_POLICY_DEFAULTS.maxLength),
  denyCommonPasswords: z
    .boolean()
    .default(PASSWORD_POLICY_DEFAULTS.denyCommonPasswords),
  contextWords: z.boolean().default(PASSWORD_POLICY_DEFAULTS.contextWords),
  minScore: z
    .number()
    .int()
    .min(0)
    .max(4)
    .default(PASSWORD_POLICY_DEFAULTS.minScore),
  /**
   * A regular expression source the password must match, e.g.
   * `(?=.*\d)(?=.*[A-Z])`. It is tested, not anchored: add `^...$` to
   * constrain every character.
   */
  characterSetPattern: z
    .string()
    .min(1)
    .refine(compilesAsRegExp, {
      error: "characterSetPattern must be a valid regular expression.",
    })
    .nullable()
    .default(PASSWORD_POLICY_DEFAULTS.characterSetPattern),
  /** Passwords refused outright, compared case-insensitively. */
  denyList: z.array(z.string().min(1)).default(() => []),
  /** Passwords accepted as they are, bypassing every rule; compared exactly. */
  allowList: z.array(z.string().min(1)).default(() => []),
  /** Most identical characters allowed in a row; null turns the rule off. */
  sequenceLimit: z
    .number()
    .int()
    .min(1)
    .nullable()
    .default(PASSWORD_POLICY_DEFAULTS.sequenceLimit),
  /** How many previous passwords may not be reused; 0 turns the rule off. */
  historySize: z
    .number()
    .int()
    .min(0)
    .max(MAX_HISTORY_SIZE)
    .default(PASSWORD_POLICY_DEFAULTS.historySize),
  breachedPasswords: breachedPasswordsOptionsSchema.prefault({}),
})

type ParsedPasswordPolicyOptions = z.output<
  typeof passwordPolicyOptionsObjectSchema
>

function applyPreset(options: ParsedPasswordPolicyOptions) {
  return {
    ...options,
    minLength: options.minLength ?? PRESET_MIN_LENGTH[options.preset],
  }
}

/**
 * Password policy options with their defaults. The preset is applied while
 * parsing, so the output always carries a concrete `minLength`, and the
 * length bounds are checked against the effective value.
 */
export const passwordPolicyOptionsSchema = passwordPolicyOptionsObjectSchema
  .transform(applyPreset)
  .refine((options) => options.maxLength >= options.minLength, {
    error: "maxLength must be greater than or equal to minLength.",
    path: ["maxLength"],
  })

export type PasswordPolicyOptionsInput = z.input<
  typeof passwordPolicyOptionsSchema
>
export type PasswordPolicyOptions = z.output<typeof passwordPolicyOptionsSchema>

/**
 * Parses raw options and applies the preset. Throws a `ZodError` whose issues
 * name the offending option path; callers turn it into their own error type.
 */
export function resolvePasswordPolicy(
  input: PasswordPolicyOptionsInput = {}
): PasswordPolicyOptions {
  return passwordPolicyOptionsSchema.parse(input)
}

/** What a storefront may show as password hints. */
export interface PasswordPolicySummary {
  min_length: number
  max_length: number
  min_score: number
  deny_common_passwords: boolean
  context_words: boolean
  character_set_pattern: string | null
  sequence_limit: number | null
  history_size: number
  /** Whether passwords known from data breaches are refused. */
  breached_passwords: boolean
}

/**
 * A JSON-safe public summary of the policy. The deny and allow lists stay
 * out: publishing them would tell attackers which passwords to skip or try.
 */
export function describePasswordPolicy(
  options: PasswordPolicyOptions
): PasswordPolicySummary {
  return {
    min_length: options.minLength,
    max_length: options.maxLength,
    min_score: options.minScore,
    deny_common_passwords: options.denyCommonPasswords,
    context_words: options.contextWords,
    character_set_pattern: options.characterSetPattern,
    sequence_limit: options.sequenceLimit,
    history_size: options.historySize,
    breached_passwords: options.breachedPasswords.enabled,
  }
}
