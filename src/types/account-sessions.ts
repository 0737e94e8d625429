/**
 * HTTP shapes of the session registry (store and admin), shared by the
 * routes and the admin widgets. See docs/security.md "Sessions".
 */

/** How a session began: the first token of its chain. */
export const SESSION_METHODS = [
  /** A right password (`/auth/:actor/emailpass`). */
  "password",
  /** A right password, then a second factor (MFA challenge). */
  "mfa",
  /** The token of a registration (`/auth/:actor/emailpass/register`), before the account exists. */
  "registration",
  /** Another auth provider's login or callback (OAuth, …). */
  "provider",
  /**
   * A token the registry first saw in use rather than when it was handed out
   * (issued before the plugin was installed, or by custom code).
   */
  "adopted",
  /** Assisted shopping: a Back Office user signed in as the customer (docs/assistance.md). */
  "assisted",
] as const
export type SessionMethod = (typeof SESSION_METHODS)[number]

/** Why a session ended before its time. */
export const SESSION_END_REASONS = [
  "signed_out",
  "revoked",
  "password_changed",
  "password_reset",
  "password_set_by_admin",
  "email_changed",
  "mfa_reset",
  "anonymized",
  "signed_out_everywhere",
  /** An assisted session ended by an admin or by the customer (taking consent back). */
  "assistance_ended",
  /** An assisted session that reached `assistance.maxMinutes`. */
  "assistance_expired",
] as const
export type SessionEndReason = (typeof SESSION_END_REASONS)[number]

export type AccountSession = {
  id: string
  /** "customer" or "user". */
  actor_type: string
  method: SessionMethod
  /** When the login that began it happened (refreshes keep it). */
  created_at: string
  /** Coarse: written at most once a minute. */
  last_seen_at: string
  /** When its newest token expires (a refresh moves it). */
  expires_at: string | null
  /** The absolute end: `created_at` plus `sessions.absoluteLifetime`; no refresh goes past it. */
  ends_at: string
  /** How many times it was refreshed. */
  refresh_count: number
  /** Canonical IP of the request that began it. */
  ip: string | null
  user_agent: string | null
  /** Whether it became a cookie session (`POST /auth/session`). */
  cookie: boolean
  /** The session of the request that asks (store routes only; false on admin routes). */
  current: boolean
}

export type StoreAccountSessionsResponse = { sessions: AccountSession[] }
export type StoreRevokeSessionResponse = { id: string; revoked: true }
export type StoreRevokeSessionsResponse = { revoked: number }

export type AdminAccountSessionsResponse = { sessions: AccountSession[] }
/** "Sign out everywhere" for a customer or a Back Office user. */
export type AdminRevokeSessionsResponse = { revoked: number }
