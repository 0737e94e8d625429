/**
 * HTTP shapes of the account activity timeline (admin and store), shared by
 * the routes and the admin widget.
 */

/** What an entry is about; the admin filters by it. */
export const ACTIVITY_KINDS = ["security", "profile", "groups", "notes"] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

/** Every entry type, with the kind it belongs to. */
export const ACTIVITY_TYPES = {
  "login.succeeded": "security",
  "login.failed": "security",
  /**
   * A login refused: the account or the IP was locked, or (`reason: "email_not_verified"`) the
   * right password of an unverified address while verification is required. At most one per
   * account, IP, reason and minute.
   */
  "login.refused": "security",
  "account.locked": "security",
  "account.unlocked": "security",
  "ip.unblocked": "security",
  /** The customer changed their password in their account. */
  "password.changed": "security",
  /** A reset link was issued (by the customer's request, or sent by an admin). */
  "password.reset_requested": "security",
  /** A reset link was used: the password is new. */
  "password.reset_completed": "security",
  /** An admin set the password directly. */
  "password.set_by_admin": "security",
  /** The password was replaced through Medusa's `/auth/customer/emailpass/update` by other means. */
  "password.updated": "security",
  /** A link to confirm the e-mail address was sent (on registration or on request). */
  "email.verification_sent": "security",
  /** The customer confirmed their e-mail address. */
  "email.verified": "security",
  /** The customer asked to sign in with another address (a link went to it, if it was free). */
  "email.change_requested": "security",
  /** The new address was confirmed: the customer signs in with it now. */
  "email.changed": "security",
  /** A copy of the customer's data was handed out (to the customer, or to an admin). */
  "account.exported": "security",
  /** The customer asked to erase their account; an admin confirms. */
  "account.anonymization_requested": "security",
  /** The account was anonymized (by an admin, or by the customer with self-service). */
  "account.anonymized": "security",
  /** The customer turned on an MFA factor (Medusa's `auth.mfa_enabled`). */
  "mfa.enabled": "security",
  /** The customer removed an MFA factor themselves (Medusa's `auth.mfa_disabled`). */
  "mfa.disabled": "security",
  /** An admin removed the customer's MFA factors and recovery codes (a lost phone). */
  "mfa.reset": "security",
  /** A session began: a login, a registration, or a token first seen in use (see `SessionMethod`). */
  "session.started": "security",
  /**
   * Sessions ended before their time, all at once: signed out, "Sign out everywhere" (by the
   * customer or a Back Office user), or an event that ends them (password, e-mail, MFA reset,
   * anonymization; see `SessionEndReason`). The actor is who caused it. A lock never ends sessions.
   */
  "session.revoked": "security",
  /** A Back Office user signed in as the customer (assisted shopping), with the reason they gave. */
  "assistance.started": "security",
  /** An assisted session ended: an admin ended it, its time ran out, or the customer withdrew consent. */
  "assistance.ended": "security",
  /** An order was placed during an assisted session. */
  "assistance.order_placed": "security",
  /** The customer allowed assisted shopping (for a time) or withdrew the permission. */
  "assistance.consent_changed": "security",
  "preferences.updated": "profile",
  "group.joined": "groups",
  "group.left": "groups",
  "note.created": "notes",
  "note.updated": "notes",
  "note.deleted": "notes",
} as const satisfies Record<string, ActivityKind>
export type ActivityType = keyof typeof ACTIVITY_TYPES

/**
 * Who caused an entry: the customer, a Back Office user (`id` is the user's
 * id), the plugin itself (`system`: locks, scheduled runs), or a group rule
 * (`rule`: `id` is the rule set's id).
 */
export type ActivityActorType = "customer" | "user" | "system" | "rule"

export type AdminAccountActivityActor = {
  type: ActivityActorType
  id: string | null
  /** The Back Office user's name or e-mail; null for other actors and deleted users. */
  name: string | null
}

/**
 * What each type records in `data`:
 * - `login.*`: `{ actor_type }`, the actor type of the route ("customer", "user"); `factor: "mfa"`
 *   when an MFA code decided it; `login.refused` adds `reason: "locked" | "email_not_verified"`;
 * - `account.locked`: `{ locked_until, lock_count }`;
 * - `account.unlocked`: `{ reason: "admin" | "password_reset", was_locked }`;
 * - `ip.unblocked`: `{ ip, was_blocked }`;
 * - `password.reset_requested`: `{ requested_by: "customer" | "admin" }`;
 * - `email.verification_sent`, `email.verified`: `{ email }`;
 * - `email.change_requested`: `{ to }`; `email.changed`: `{ from, to }`;
 * - `account.exported`: `{ requested_by: "customer" | "admin" }`; `account.anonymization_requested`, `account.anonymized`: `{}`;
 * - `mfa.enabled` / `mfa.disabled`: `{ mfa_id, provider }`; `mfa.reset`: `{ factors: { id, provider }[] }`;
 * - `session.started`: `{ actor_type, method }`, `method` a `SessionMethod` (account-sessions.ts);
 * - `session.revoked`: `{ reason, count }`, `reason` a `SessionEndReason`, `count` how many sessions ended;
 * - `assistance.started`: `{ user_name, reason, ends_at }` (actor: the Back Office user);
 * - `assistance.ended`: `{ ended_by: "admin" | "expiry" | "customer" }`;
 * - `assistance.order_placed`: `{ order_id, display_id? }`;
 * - `assistance.consent_changed`: `{ allowed, expires_at }` (`expires_at` null: until withdrawn);
 * - `preferences.updated`: `{ changes: { field, from, to }[] }`;
 * - `group.joined` / `group.left`: `{ customer_group_id, customer_group_name, source: "manual" | "rule" | "default" }`;
 * - `note.*`: `{ note_id, pinned }` (never the body).
 */
export type AdminAccountActivity = {
  id: string
  customer_id: string
  kind: ActivityKind
  type: ActivityType
  actor: AdminAccountActivityActor
  ip: string | null
  user_agent: string | null
  data: Record<string, unknown>
  /** When it happened (ISO 8601). */
  occurred_at: string
}

export type AdminAccountActivityListParams = {
  /** One or more kinds, comma-separated or repeated; all kinds when absent. */
  kind?: ActivityKind | ActivityKind[]
  limit?: number
  offset?: number
}

export type AdminAccountActivityListResponse = {
  activities: AdminAccountActivity[]
  count: number
  limit: number
  offset: number
}

/** The customer's own view: security entries only, no admin identities. */
export type StoreAccountActivity = {
  id: string
  type: ActivityType
  /** "customer", "user" (the shop's staff) or "system"; never who. */
  actor_type: ActivityActorType
  ip: string | null
  user_agent: string | null
  occurred_at: string
}

export type StoreAccountActivityListResponse = {
  activities: StoreAccountActivity[]
  count: number
  limit: number
  offset: number
}
