/** HTTP shapes of the account-security admin API, shared with the admin widgets. */
export type AdminLoginAttempt = {
  id: string
  outcome: "success" | "failure" | "refused"
  /** The actor type of the route the attempt came through (customer, user, …). */
  actor_type: string | null
  /** Canonical: IPv4-mapped IPv6 as IPv4, IPv6 compressed and lower case. */
  ip: string | null
  user_agent: string | null
  /** The attempt's time; for refused attempts, the first of the minute this entry counts. */
  attempted_at: string
  /** How many attempts the entry stands for: refused ones are counted per IP and minute (1 otherwise). */
  count: number
  /** The last attempt the entry counts (refused aggregates), else null. */
  last_attempted_at: string | null
}

/** The lockout state of one login identifier (a customer's or a Back Office user's). */
export type AdminLoginSecurity = {
  identifier: string
  locked: boolean
  locked_until: string | null
  failed_attempts: number
  lock_count_24h: number
  last_failed_at: string | null
  last_login_at: string | null
  recent_attempts: AdminLoginAttempt[]
  /** IPs blocked now that this identifier was tried from in the last 24 h. */
  blocked_ips: AdminBlockedIp[]
  /** Set while the account must change its password (its password was found in a data breach at login). */
  password_change: PasswordChangeRequired | null
}

/** Why and since when an account must change its password. */
export type PasswordChangeRequired = { reason: "breached"; since: string }

/** `GET /store/customers/me/security`. */
export type StoreCustomerSecurityResponse = {
  security: { password_change: PasswordChangeRequired | null }
}

export type AdminBlockedIp = { ip: string; blocked_until: string }

export type AdminCustomerSecurity = AdminLoginSecurity
export type AdminCustomerSecurityResponse = { security: AdminCustomerSecurity }
export type AdminUserSecurityResponse = { security: AdminLoginSecurity }

export type AdminUnlockUserResponse = {
  user_id: string
  unlocked: true
  was_locked: boolean
}

export type AdminUnblockUserIpResponse = {
  user_id: string
  ip: string
  unblocked: true
  was_blocked: boolean
}

export type AdminUnlockCustomerResponse = {
  customer_id: string
  unlocked: true
  was_locked: boolean
}

export type AdminUnblockIpResponse = {
  customer_id: string
  ip: string
  unblocked: true
  was_blocked: boolean
}

export type AdminPasswordResetResponse = { customer_id: string; sent: true }
export type AdminSetPasswordResponse = { customer_id: string; success: true }

/** Type-only: the admin bundle does not pull in the policy's code. */
export type {
  PasswordPolicySummary,
  PasswordValidationResult as PasswordStrength,
  PasswordErrorCode as PasswordStrengthErrorCode,
} from "../lib/password-policy"
import type {
  PasswordPolicySummary,
  PasswordValidationResult,
} from "../lib/password-policy"

export type AdminPasswordPolicyResponse = {
  password_policy: PasswordPolicySummary
  allow_admin_set_password: boolean
}

export type AdminPasswordStrengthResponse = { strength: PasswordValidationResult }

/**
 * The verification state of a customer's e-mail address (Medusa's own
 * verification, `auth_verification`): `verified`; `pending` when a link was
 * sent and not used yet; `none` when none was ever requested (accounts
 * created before the plugin sent verification e-mails).
 */
export type AdminEmailVerification = {
  email: string
  status: "verified" | "pending" | "none"
  verified_at: string | null
  requested_at: string | null
}
export type AdminEmailVerificationResponse = {
  email_verification: AdminEmailVerification & {
    /** `emailVerification.required` is on. */
    required: boolean
    /** A right password is refused until the address is verified (required, unverified, not grandfathered). */
    blocks_login: boolean
  }
}

/** A change of sign-in address waits for the link sent to the new address. */
export type StoreChangeEmailResponse = { email_change: { email: string; status: "pending" } }

/** The logged-in customer's own verification state, and whether the shop requires it to log in. */
export type StoreEmailVerificationResponse = {
  email_verification: AdminEmailVerification & { required: boolean }
}

/**
 * One of a customer's MFA factors (Medusa's `auth_mfa_factor`), without its
 * secret: `pending` until the customer confirmed the first code, `enabled`
 * while it guards logins, `disabled` once removed.
 */
export type AdminMfaFactor = {
  id: string
  provider: string
  status: "pending" | "enabled" | "disabled"
  label: string | null
  created_at: string
  updated_at: string
}

export type AdminCustomerMfaResponse = {
  customer_id: string
  /** Whether logins of this account need a second factor now. */
  enabled: boolean
  mfa_factors: AdminMfaFactor[]
}

export type AdminResetCustomerMfaResponse = AdminCustomerMfaResponse & {
  /** The factors this reset disabled. */
  removed: AdminMfaFactor[]
}
/** `sent` is false for an address already verified (nothing is sent then). */
export type AdminResendEmailVerificationResponse = { customer_id: string; sent: boolean }
export type AdminMarkEmailVerifiedResponse = {
  customer_id: string
  email_verification: AdminEmailVerificationResponse["email_verification"]
}
