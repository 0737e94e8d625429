import { z } from "zod"
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

/** Failed-login lockout; see README "Failed-login lockout". */
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

const positiveInt = (fallback: number) => z.number().int().min(1).default(fallback)

const lockoutOptionsSchema = z
  .object({
    /** Turns the guard off entirely (e.g. to measure its cost). */
    enabled: z.boolean().default(LOCKOUT_DEFAULTS.enabled),
    /** Failures within the window that lock an identifier (normalized e-mail). */
    maxAttempts: positiveInt(LOCKOUT_DEFAULTS.maxAttempts),
    windowSeconds: positiveInt(LOCKOUT_DEFAULTS.windowSeconds),
    /** First lock's duration; each further lock within 24 h doubles it. */
    lockSeconds: positiveInt(LOCKOUT_DEFAULTS.lockSeconds),
    maxLockSeconds: positiveInt(LOCKOUT_DEFAULTS.maxLockSeconds),
    /** Failed password checks from one IP within the window that block the IP. */
    ipMaxAttempts: positiveInt(LOCKOUT_DEFAULTS.ipMaxAttempts),
    /** Days the attempt log is kept. */
    retentionDays: positiveInt(LOCKOUT_DEFAULTS.retentionDays),
    /**
     * Proxies in front of Medusa whose X-Forwarded-For entries are trusted
     * for the client IP: 0 = the socket's address (Medusa exposed directly),
     * n = the n-th address from the right. null = Express' `req.ip`, which
     * Medusa configures to trust one proxy hop.
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
  .refine((options) => options.maxLockSeconds >= options.lockSeconds, {
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
    lockout: lockoutOptionsSchema.prefault({}),
    customerGroups: customerGroupsOptionsSchema.prefault({}),
    /** Lets admins set a customer's password directly (off: only reset links). */
    allowAdminSetPassword: z.boolean().default(false),
  })
  .strict()

export type PluginOptionsInput = z.input<typeof pluginOptionsSchema>
export type PluginOptions = z.output<typeof pluginOptionsSchema>
export type PasswordResetOptions = PluginOptions["passwordReset"]
export type LockoutOptions = PluginOptions["lockout"]

const PLUGIN_NAME = "medusa-customer-accounts"

/** Keys Medusa itself adds to every module's options (not the merchant's). */
const MEDUSA_INJECTED_KEYS = ["database"]

/**
 * Parses raw plugin options; throws one error that names every invalid
 * option path, e.g. `"passwordPolicy.minLength": Too small: expected number to be >=1`.
 */
export function parsePluginOptions(raw: unknown): PluginOptions {
  const own = Object.fromEntries(
    Object.entries((raw ?? {}) as Record<string, unknown>).filter(
      ([key]) => !MEDUSA_INJECTED_KEYS.includes(key)
    )
  )
  const result = pluginOptionsSchema.safeParse(own)
  if (result.success) {
    return result.data
  }
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.join(".") : "(root)"
    return `"${path}": ${issue.message}`
  })
  throw new Error(
    `${PLUGIN_NAME}: invalid plugin option ${problems.join("; ")}`
  )
}
