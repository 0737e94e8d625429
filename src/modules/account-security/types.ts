/** Shapes of the account-security module's API (lockout, quotas). */

export const SecurityCounterScopes = {
  PASSWORD_RESET: "password_reset",
  EMAIL_VERIFICATION: "email_verification",
  /** Verification e-mails sent to one address, whatever asked for them. */
  EMAIL_VERIFICATION_MAIL: "email_verification_mail",
  /** MFA codes that completed a challenge (hashed with the identity): a code works once. */
  MFA_CODE_USED: "mfa_code_used",
  /** Data exports a customer downloaded (per customer id). */
  DATA_EXPORT: "data_export",
  /** Calls of the storefront's strength meter (per client IP). */
  PASSWORD_STRENGTH: "password_strength",
  /** Distinct new addresses an account asked to move to (per customer id). */
  EMAIL_CHANGE_ADDRESSES: "email_change_addresses",
  /** One new address an account asked for (customer id and a digest of the address): counted once per window. */
  EMAIL_CHANGE_ADDRESS: "email_change_address",
} as const

export type QuotaResult = {
  allowed: boolean
  count: number
  /** Whole seconds until the window ends and the quota is full again (at least 1). */
  retryAfterSeconds: number
}

export type LoginAdmission =
  | { admitted: true }
  | { admitted: false; retryAfterSeconds: number }

export type LoginFailureResult = {
  /** True when this failure locked the identifier (exactly one caller sees it). */
  locked: boolean
  locked_until: Date | null
  lock_count: number
}

export type LoginAttemptOutcome = "success" | "failure" | "refused"

/**
 * Whose lockout block applies: a Back Office user's (`userLockout`) or a
 * customer's (`lockout`, also for unknown identifiers and other actor types).
 */
export type AccountKind = "customer" | "user"

export type LoginAttemptInput = {
  /** The canonical e-mail tried. */
  identifier: string
  /** The emailpass identity the attempt counted on (see the lockout's keys), if any. */
  auth_identity_id?: string | null
  /** The actor type of the route the attempt came through (customer, user, …). */
  actor_type?: string | null
  customer_id?: string | null
  user_id?: string | null
  ip?: string | null
  user_agent?: string | null
  outcome: LoginAttemptOutcome
  attempted_at: Date
}

export type BlockedIp = { ip: string; blocked_until: Date }

export type ThrottleScope = "identifier" | "ip"

/** What a cleared `login_throttle` row held, to put it back. */
export type LoginThrottleSnapshot = {
  attempts: number
  locked_until: Date | null
  lock_count: number
  last_locked_at: Date | null
}

export type LockoutState = {
  locked: boolean
  locked_until: Date | null
  failed_attempts: number
  lock_count_24h: number
  last_failed_at: Date | null
}
