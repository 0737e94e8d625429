import { z } from "zod"
import { canonicalLocale } from "./messages/locale"
import { passwordPolicyOptionsSchema } from "./password-policy/options"

/** Reset e-mails: where the link points and how often one may be requested. */
export const PASSWORD_RESET_DEFAULTS = {
  resetPasswordUrl:
    "http://localhost:8000/account/reset-password?token={token}&email={email}",
  templateId: "customer-password-reset",
  maxRequests: 3,
  windowSeconds: 900,
} as const

const passwordResetOptionsSchema = z
  .object({
    /**
     * Storefront page that completes a reset. `{token}` and `{email}` are
     * replaced (URL-encoded) in the link sent to the customer.
     */
    resetPasswordUrl: z
      .string()
      .url()
      .refine((url) => url.includes("{token}"), {
        message: "must contain the {token} placeholder",
      })
      .default(PASSWORD_RESET_DEFAULTS.resetPasswordUrl),
    /** Notification template id of the reset e-mail. */
    templateId: z.string().min(1).default(PASSWORD_RESET_DEFAULTS.templateId),
    /** Reset e-mails per identifier per window; extra requests send nothing. */
    maxRequests: z.number().int().min(1).default(PASSWORD_RESET_DEFAULTS.maxRequests),
    windowSeconds: z
      .number()
      .int()
      .min(1)
      .default(PASSWORD_RESET_DEFAULTS.windowSeconds),
  })
  .strict()

/** Verification e-mails: when they go out, where the link points, how often one may be asked for. */
export const EMAIL_VERIFICATION_DEFAULTS = {
  sendOnRegistration: true,
  verifyUrl: "http://localhost:8000/account/verify-email?token={token}&email={email}",
  templateId: "customer-email-verification",
  maxRequests: 3,
  windowSeconds: 900,
} as const

const emailVerificationOptionsSchema = z
  .object({
    /** Requests a verification (Medusa's `requestVerificationWorkflow`) for every new customer account. */
    sendOnRegistration: z.boolean().default(EMAIL_VERIFICATION_DEFAULTS.sendOnRegistration),
    /**
     * Storefront page that confirms an address (it posts the token to
     * `/auth/verification/confirm`). `{token}` and `{email}` are replaced,
     * URL-encoded.
     */
    verifyUrl: z
      .string()
      .url()
      .refine((url) => url.includes("{token}"), { message: "must contain the {token} placeholder" })
      .default(EMAIL_VERIFICATION_DEFAULTS.verifyUrl),
    templateId: z.string().min(1).default(EMAIL_VERIFICATION_DEFAULTS.templateId),
    /** Verification e-mails per identifier per window through the resend route; extra requests send nothing. */
    maxRequests: z.number().int().min(1).default(EMAIL_VERIFICATION_DEFAULTS.maxRequests),
    windowSeconds: z.number().int().min(1).default(EMAIL_VERIFICATION_DEFAULTS.windowSeconds),
    /**
     * A customer account must have a verified address to log in (refused
     * with `email_not_verified`, only after the right password).
     */
    required: z.boolean().default(false),
    /**
     * What `required` means for accounts that exist when it is turned on:
     * `"grandfather"` (accounts created before `grandfatherCreatedBefore`
     * may log in unverified) or `"require"` (they verify too). No default:
     * turning `required` on without choosing is an error at boot.
     */
    existingAccounts: z.enum(["grandfather", "require"]).optional(),
    /** The cut-off for `"grandfather"`: accounts whose login was created before this instant (ISO 8601). */
    grandfatherCreatedBefore: z.iso
      .datetime({ offset: true })
      .or(z.iso.date())
      .transform((value) => new Date(value).toISOString())
      .optional(),
  })
  .strict()
  .superRefine((options, context) => {
    if (options.required && !options.existingAccounts) {
      context.addIssue({
        code: "custom",
        path: ["existingAccounts"],
        message:
          'must be "grandfather" or "require" when required is true: decide whether accounts that exist now must verify (docs/security.md "Requiring a verified address")',
      })
    }
    if (options.existingAccounts === "grandfather" && !options.grandfatherCreatedBefore) {
      context.addIssue({
        code: "custom",
        path: ["grandfatherCreatedBefore"],
        message: 'must name the cut-off (ISO 8601, e.g. "2026-12-01T00:00:00Z") when existingAccounts is "grandfather"',
      })
    }
    if (options.grandfatherCreatedBefore && options.existingAccounts !== "grandfather") {
      context.addIssue({
        code: "custom",
        path: ["grandfatherCreatedBefore"],
        message: 'applies only with existingAccounts "grandfather"',
      })
    }
  })

/** Erasure (GDPR art. 17); see docs/privacy.md. */
const anonymizeOptionsSchema = z
  .object({
    /**
     * `POST /store/customers/me/anonymize` anonymizes at once; off (the
     * default), it records a request an admin confirms.
     */
    selfService: z.boolean().default(false),
    /**
     * Orders stay for accounting either way; `redact` also replaces their
     * e-mail and the names, phone and street of their addresses.
     */
    orders: z.enum(["keep", "redact"]).default("keep"),
  })
  .strict()

/** Staff permissions; see docs/staff-permissions.md. */
const staffPermissionsOptionsSchema = z
  .object({
    /**
     * `open` (the default): every Back Office user may do everything, as
     * before the plugin had permissions. `enforced`: a user holds only the
     * capabilities granted to them (and owners all of them).
     */
    mode: z.enum(["open", "enforced"]).default("open"),
    /** Back Office e-mails that always hold every capability: how the first grants are made. */
    owners: z.array(z.string().trim().toLowerCase().email()).default([]),
  })
  .strict()

/** The storefront's strength meter (`POST /store/password-strength`): no login, so a budget per IP. */
export const PASSWORD_STRENGTH_DEFAULTS = { maxRequests: 120, windowSeconds: 60 } as const

const passwordStrengthOptionsSchema = z
  .object({
    /** Calls per client IP (as the lockout resolves it) per window; beyond it 429 with Retry-After. */
    maxRequests: z.number().int().min(1).default(PASSWORD_STRENGTH_DEFAULTS.maxRequests),
    windowSeconds: z.number().int().min(1).default(PASSWORD_STRENGTH_DEFAULTS.windowSeconds),
  })
  .strict()

/** Address changes (`POST /store/customers/me/email`): how many strangers an account can make the shop e-mail. */
export const EMAIL_CHANGE_DEFAULTS = { maxAddresses: 3, windowSeconds: 86_400 } as const

const emailChangeOptionsSchema = z
  .object({
    /**
     * Distinct new addresses one account may ask to move to per window (each
     * gets a shop-branded e-mail); asking again for one of them does not
     * count. Beyond it the route answers 429.
     */
    maxAddresses: z.number().int().min(1).default(EMAIL_CHANGE_DEFAULTS.maxAddresses),
    windowSeconds: z.number().int().min(1).default(EMAIL_CHANGE_DEFAULTS.windowSeconds),
  })
  .strict()

/** What a data export holds (GDPR art. 15); see docs/privacy.md. */
const privacyOptionsSchema = z
  .object({
    /**
     * Back Office notes about the customer are in their export (art. 15
     * covers what staff wrote about a person), without naming the staff
     * member. Off: the export leaves notes and their timeline entries out
     * (e.g. when a lawyer has reviewed an exemption).
     */
    exportIncludesNotes: z.boolean().default(true),
  })
  .strict()

/** Data exports a customer may download per day from the storefront. */
export const STORE_EXPORTS_PER_DAY = 3

/**
 * Language of the e-mails the plugin sends to a reader whose own is unknown
 * (see docs/security.md "E-mails"); texts in a language the plugin does not speak are
 * written in English.
 */
export const DEFAULT_LOCALE = "en"

const defaultLocaleSchema = z
  .string()
  .refine((tag) => canonicalLocale(tag) !== null, {
    message: 'must be a BCP 47 language tag, e.g. "de-DE"',
  })
  .transform((tag) => canonicalLocale(tag) as string)
  .default(DEFAULT_LOCALE)

/** Failed-login lockout; see docs/security.md "Failed-login lockout". */
export const LOCKOUT_DEFAULTS = {
  enabled: true,
  maxAttempts: 5,
  windowSeconds: 900,
  lockSeconds: 900,
  maxLockSeconds: 86_400,
  ipMaxAttempts: 50,
  retentionDays: 30,
  trustedProxyHops: null,
} as const

/** Longest login identifier (an e-mail address, RFC 5321 path limit) the guards accept. */
export const MAX_IDENTIFIER_LENGTH = 320
/** Longest X-Forwarded-For header the guards accept: a chain of ~25 IPv6 proxies. */
export const MAX_FORWARDED_FOR_LENGTH = 1024

const positiveInt = (fallback: number) => z.number().int().min(1).default(fallback)

/**
 * How many failed password checks lock what, and for how long. One block for
 * customers' identities (`lockout`), one for Back Office users'
 * (`userLockout`), with the same defaults.
 */
const lockoutLimitsShape = {
  /** Failures within the window that lock an identifier (normalized e-mail). */
  maxAttempts: positiveInt(LOCKOUT_DEFAULTS.maxAttempts),
  windowSeconds: positiveInt(LOCKOUT_DEFAULTS.windowSeconds),
  /** First lock's duration; each further lock within 24 h doubles it. */
  lockSeconds: positiveInt(LOCKOUT_DEFAULTS.lockSeconds),
  maxLockSeconds: positiveInt(LOCKOUT_DEFAULTS.maxLockSeconds),
  /** Failed password checks from one IP within the window that block the IP. */
  ipMaxAttempts: positiveInt(LOCKOUT_DEFAULTS.ipMaxAttempts),
}

const lockSecondsInOrder = <T extends { lockSeconds: number; maxLockSeconds: number }>(options: T) =>
  options.maxLockSeconds >= options.lockSeconds

const lockoutOptionsSchema = z
  .object({
    /**
     * Turns the guard off entirely, for every actor (e.g. to measure its
     * cost): no attempt is counted, refused or logged.
     */
    enabled: z.boolean().default(LOCKOUT_DEFAULTS.enabled),
    ...lockoutLimitsShape,
    /** Days the attempt log is kept. */
    retentionDays: positiveInt(LOCKOUT_DEFAULTS.retentionDays),
    /**
     * Proxies in front of Medusa whose X-Forwarded-For entries are trusted
     * for the client IP: 0 = the socket's address (Medusa exposed directly),
     * n = the n-th address from the right. null (unset) = Express' `req.ip`,
     * which Medusa configures to trust one proxy hop; the server then warns
     * once at boot, because a client that reaches Medusa directly can choose
     * its own IP.
     */
    trustedProxyHops: z
      .number()
      .int()
      .min(0)
      .max(10)
      .nullable()
      .default(LOCKOUT_DEFAULTS.trustedProxyHops),
  })
  .strict()
  .refine(lockSecondsInOrder, {
    message: "maxLockSeconds must be at least lockSeconds",
    path: ["maxLockSeconds"],
  })

const userLockoutOptionsSchema = z
  .object({
    /**
     * Off: Back Office users' identities are never locked (attempts are still
     * logged, and IPs still blocked). `lockout.enabled` switches everything.
     */
    enabled: z.boolean().default(LOCKOUT_DEFAULTS.enabled),
    ...lockoutLimitsShape,
  })
  .strict()
  .refine(lockSecondsInOrder, {
    message: "maxLockSeconds must be at least lockSeconds",
    path: ["maxLockSeconds"],
  })

const customerGroupsOptionsSchema = z
  .object({
    /**
     * Groups every new customer account joins, until a Back Office user edits
     * the setting in the admin (it is then stored in the database).
     */
    defaultGroupIds: z.array(z.string().min(1)).max(50).default([]),
    /** Customers per batch when re-evaluating group rules for everyone. */
    backfillBatchSize: z.number().int().min(10).max(5000).default(500),
  })
  .strict()

/** Account activity timeline; see docs/activity.md. */
export const ACTIVITY_DEFAULTS = {
  retentionDays: 365,
  notifyNewDeviceLogin: false,
  newDeviceLookbackDays: 90,
} as const

const activityOptionsSchema = z
  .object({
    /** Days an activity entry is kept; a daily job deletes older ones. */
    retentionDays: z.number().int().min(1).max(3650).default(ACTIVITY_DEFAULTS.retentionDays),
    /**
     * E-mails the customer after a successful login from a browser (user
     * agent) and IP network (IPv4 /24, IPv6 /48) not seen in a successful
     * login of the last `newDeviceLookbackDays` days. Never on the account's
     * first login.
     */
    notifyNewDeviceLogin: z.boolean().default(ACTIVITY_DEFAULTS.notifyNewDeviceLogin),
    newDeviceLookbackDays: z.number().int().min(1).max(365).default(ACTIVITY_DEFAULTS.newDeviceLookbackDays),
    /** Template of the new-device e-mail, for a notification provider that renders its own. */
    newDeviceTemplateId: z.string().trim().min(1).default("customer-new-device-login"),
  })
  .strict()

/** Sessions; see docs/security.md "Sessions". */
export const SESSION_DEFAULTS = {
  enabled: true,
  /** 30 days, in seconds. */
  absoluteLifetime: 30 * 24 * 60 * 60,
} as const

const DURATION_UNITS = { s: 1, m: 60, h: 3600, d: 86_400 } as const

/** A duration in seconds: a number, or text such as `"30d"`, `"12h"`, `"90m"`, `"45s"`. */
const durationSeconds = z.union([
  z.number().int().min(60),
  z
    .string()
    .regex(/^\d+[smhd]$/, 'must be a number of seconds or a duration such as "30d", "12h", "90m"')
    .transform((text) => Number(text.slice(0, -1)) * DURATION_UNITS[text.slice(-1) as keyof typeof DURATION_UNITS])
    .refine((seconds) => seconds >= 60, { message: "must be at least one minute" }),
])

const sessionsOptionsSchema = z
  .object({
    /**
     * The session registry: every token the app hands out is recorded, and a
     * request whose session has ended is unauthenticated on every route.
     * Off: Medusa's own behaviour (tokens live until they expire).
     */
    enabled: z.boolean().default(SESSION_DEFAULTS.enabled),
    /**
     * How long a session may live from the login that began it, however
     * often it is refreshed (seconds, or `"30d"`).
     */
    absoluteLifetime: durationSeconds.default(SESSION_DEFAULTS.absoluteLifetime),
  })
  .strict()

/** Assisted shopping ("sign in as customer"); see docs/assistance.md. */
export const ASSISTANCE_DEFAULTS = {
  enabled: false,
  consent: "required",
  maxMinutes: 30,
  storefrontUrl: null,
  allowCheckout: true,
  notifyCustomer: true,
  maxConsentHours: 720,
} as const

/** How long the one-time code of a started assisted session may wait for its exchange. */
export const ASSISTANCE_CODE_TTL_SECONDS = 120

const assistanceOptionsSchema = z
  .object({
    /** Off until the merchant turns it on: installing the plugin grants no one the power to act as a customer. */
    enabled: z.boolean().default(ASSISTANCE_DEFAULTS.enabled),
    /** `required`: only for a customer who allowed assistance (in their account, optionally for some hours). */
    consent: z.enum(["required", "not_required"]).default(ASSISTANCE_DEFAULTS.consent),
    /** An assisted session ends this many minutes after it starts; a refresh cannot extend it. */
    maxMinutes: z.number().int().min(1).max(480).default(ASSISTANCE_DEFAULTS.maxMinutes),
    /** The storefront page that exchanges the code, with `{code}` where the code goes. */
    storefrontUrl: z
      .string()
      .trim()
      .refine((url) => url.includes("{code}"), { message: 'must contain "{code}"' })
      .refine((url) => /^https?:\/\//i.test(url), { message: "must be an http(s) URL" })
      .nullable()
      .default(ASSISTANCE_DEFAULTS.storefrontUrl),
    /** Whether staff may complete a cart (place the order) in an assisted session. */
    allowCheckout: z.boolean().default(ASSISTANCE_DEFAULTS.allowCheckout),
    /** E-mail the customer when an assisted session starts (template `customer-assistance-started`). */
    notifyCustomer: z.boolean().default(ASSISTANCE_DEFAULTS.notifyCustomer),
    /** The longest consent a customer may give at once, in hours (`hours` of the consent route). */
    maxConsentHours: z.number().int().min(1).max(24 * 365).default(ASSISTANCE_DEFAULTS.maxConsentHours),
  })
  .strict()

/**
 * The plugin's options, as a merchant passes them in `medusa-config.ts`:
 *
 * ```ts
 * plugins: [{ resolve: "medusa-customer-accounts", options: { ... } }]
 * ```
 *
 * Every default lives here, next to the rule that documents it. Unknown keys
 * are refused so that a typo (`lockuot`) fails at boot instead of silently
 * running with defaults.
 */
export const pluginOptionsSchema = z
  .object({
    /**
     * Shop name used as a context word by the password policy (a password
     * may not contain it). Defaults to the Store module's store name.
     */
    storeName: z.string().trim().min(1).optional(),
    passwordPolicy: passwordPolicyOptionsSchema.prefault({}),
    passwordReset: passwordResetOptionsSchema.prefault({}),
    /** Verification e-mails for customers' addresses (Medusa's own verification). */
    emailVerification: emailVerificationOptionsSchema.prefault({}),
    /** The storefront strength meter's budget per IP. */
    passwordStrength: passwordStrengthOptionsSchema.prefault({}),
    /** Address changes: distinct new addresses per account and window. */
    emailChange: emailChangeOptionsSchema.prefault({}),
    lockout: lockoutOptionsSchema.prefault({}),
    /** The same lockout for Back Office users (actor `user`), with its own limits. */
    userLockout: userLockoutOptionsSchema.prefault({}),
    customerGroups: customerGroupsOptionsSchema.prefault({}),
    /** The account activity timeline: retention and new-device e-mails. */
    activity: activityOptionsSchema.prefault({}),
    /** What a data export holds. */
    privacy: privacyOptionsSchema.prefault({}),
    /** Anonymization of customer accounts (GDPR erasure). */
    anonymize: anonymizeOptionsSchema.prefault({}),
    /** Sessions: the registry, and how long one may live. */
    sessions: sessionsOptionsSchema.prefault({}),
    /** Who among the Back Office may take which privileged action. */
    staffPermissions: staffPermissionsOptionsSchema.prefault({}),
    /** Assisted shopping: staff sign in as a customer, with consent, a permission and a time limit. */
    assistance: assistanceOptionsSchema.prefault({}),
    /** Lets admins set a customer's password directly (off: only reset links). */
    allowAdminSetPassword: z.boolean().default(false),
    /**
     * E-mails' language for a reader without one of their own: a customer
     * without a preferred locale (when the store lists no supported locales
     * either), a Back Office user without `metadata.locale`.
     */
    defaultLocale: defaultLocaleSchema,
  })
  .strict()

export type PluginOptionsInput = z.input<typeof pluginOptionsSchema>
export type PluginOptions = z.output<typeof pluginOptionsSchema>
export type PasswordResetOptions = PluginOptions["passwordReset"]
export type EmailVerificationOptions = PluginOptions["emailVerification"]
export type LockoutOptions = PluginOptions["lockout"]
export type UserLockoutOptions = PluginOptions["userLockout"]
export type SessionOptions = PluginOptions["sessions"]
export type AssistanceOptions = PluginOptions["assistance"]
export type EmailChangeOptions = PluginOptions["emailChange"]
/** The limits one lockout block sets (customers' or Back Office users'). */
export type LockoutLimits = Pick<
  LockoutOptions,
  "maxAttempts" | "windowSeconds" | "lockSeconds" | "maxLockSeconds" | "ipMaxAttempts"
>

const PLUGIN_NAME = "medusa-customer-accounts"

/** Keys Medusa itself adds to every module's options (not the merchant's). */
const MEDUSA_INJECTED_KEYS = ["database"]

/** The error that names every invalid option path. */
function invalidOptions(issues: { path: PropertyKey[]; message: string }[]): Error {
  const problems = issues.map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join(".") : "(root)"
    return `"${path}": ${issue.message}`
  })
  return new Error(`${PLUGIN_NAME}: invalid plugin option ${problems.join("; ")}`)
}

/** The merchant's keys of raw module options (Medusa adds some of its own). */
function ownOptions(raw: unknown): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries((raw ?? {}) as Record<string, unknown>).filter(
      ([key]) => !MEDUSA_INJECTED_KEYS.includes(key)
    )
  )
}

/**
 * Parses raw plugin options whole; throws one error that names every
 * invalid option path, e.g. `"passwordPolicy.minLength": Too small: expected
 * number to be >=1`, and every unknown key. The plugin's `customerAccounts`
 * module does this once at boot.
 */
export function parsePluginOptions(raw: unknown): PluginOptions {
  const result = pluginOptionsSchema.safeParse(ownOptions(raw))
  if (result.success) {
    return result.data
  }
  throw invalidOptions(result.error.issues)
}

type OptionKey = keyof PluginOptions

/**
 * The slice of the plugin options one module reads (the others are the
 * other modules' to read, and `parsePluginOptions` checks them all), with
 * every default filled in: each module parses its own slice once, at boot.
 */
export function parseOptionsSlice<K extends OptionKey>(raw: unknown, keys: readonly K[]): Pick<PluginOptions, K> {
  const own = ownOptions(raw)
  const mask = Object.fromEntries(keys.map((key) => [key, true])) as { [P in K]: true }
  const slice = Object.fromEntries(keys.filter((key) => key in own).map((key) => [key, own[key]]))
  const result = pluginOptionsSchema.pick(mask).safeParse(slice)
  if (result.success) {
    return result.data as unknown as Pick<PluginOptions, K>
  }
  throw invalidOptions(result.error.issues)
}

/**
 * What the account-security module reads: the password policy, resets, the
 * lockout, sessions, and the language of the reset and lock e-mails.
 */
export const ACCOUNT_SECURITY_OPTION_KEYS = [
  "storeName",
  "passwordPolicy",
  "passwordReset",
  "emailVerification",
  "emailChange",
  "passwordStrength",
  "lockout",
  "userLockout",
  "allowAdminSetPassword",
  "defaultLocale",
  "sessions",
  "assistance",
] as const satisfies readonly OptionKey[]
export type AccountSecurityOptions = Pick<PluginOptions, (typeof ACCOUNT_SECURITY_OPTION_KEYS)[number]>

/** What the customer-group-rule module reads. */
export const CUSTOMER_GROUPS_OPTION_KEYS = ["customerGroups"] as const satisfies readonly OptionKey[]
export type CustomerGroupsOptions = PluginOptions["customerGroups"]

/**
 * What the customer-accounts module reads (it also checks every option at
 * boot): staff permissions, and the data subject rights it keeps the
 * erasures of (what an export holds, how an erasure runs).
 */
export const CUSTOMER_ACCOUNTS_OPTION_KEYS = ["staffPermissions", "privacy", "anonymize"] as const satisfies readonly OptionKey[]
export type StaffPermissionsOptions = PluginOptions["staffPermissions"]
/** `privacy` (what an export holds) and `anonymize` (erasures): the customer-accounts module's. */
export type PrivacyOptions = Pick<PluginOptions, "privacy" | "anonymize">

/** What the account-activity module reads. */
export const ACCOUNT_ACTIVITY_OPTION_KEYS = ["activity", "defaultLocale"] as const satisfies readonly OptionKey[]
export type AccountActivityOptions = Pick<PluginOptions, (typeof ACCOUNT_ACTIVITY_OPTION_KEYS)[number]>
