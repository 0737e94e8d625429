/**
 * HTTP shape of `GET /admin/customer-accounts/security-settings`: the
 * failed-login lockout in force (the plugin options `lockout` and
 * `userLockout` with their defaults filled in), for the settings page.
 * Read-only: options change only when the server restarts.
 */

/** The limits of one lockout block (customers' identities, or Back Office users'). */
export type AdminLockoutLimits = {
  /**
   * Whether failures lock an identity of this block: `lockout.enabled`, and
   * for users also `userLockout.enabled` (a switched-off user block still
   * blocks IPs, with its `ip_max_attempts`).
   */
  locks_accounts: boolean
  /** Failed password checks within the window that lock an identity. */
  max_attempts: number
  window_seconds: number
  /** The first lock's duration; each further lock within 24 h doubles it, up to `max_lock_seconds`. */
  lock_seconds: number
  max_lock_seconds: number
  /** The lock durations in turn (1st, 2nd, … lock within 24 h), ending at the cap. */
  lock_steps_seconds: number[]
  /** Failed password checks from one IP within the window that block the IP for `lock_seconds`. */
  ip_max_attempts: number
}

export type AdminSecuritySettings = {
  lockout: {
    /** Off: no attempt is counted, refused or logged, for any actor. */
    enabled: boolean
    /** Days the login-attempt log is kept. */
    retention_days: number
    /** Proxies whose X-Forwarded-For entries are trusted for the client IP; null: Express' `req.ip`. */
    trusted_proxy_hops: number | null
    customer: AdminLockoutLimits
    user: AdminLockoutLimits
  }
}

export type AdminSecuritySettingsResponse = { security_settings: AdminSecuritySettings }
