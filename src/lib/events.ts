/**
 * Every event the plugin emits, in one catalog: names and payloads. Subscribe
 * to them like Medusa's own (`event: CustomerAccountEvents.LOCKED`). The
 * package exports them from `medusa-customer-accounts/workflows` as well.
 */
/**
 * Events of the failed-login lockout. `identifier` is the normalized e-mail;
 * `actor_type` the actor of the route the attempt came through; `customer_id`
 * and `user_id` the accounts behind the identifier, when there are.
 */
export const CustomerAccountEvents = {
  /**
   * `{ identifier, actor_type, customer_id, user_id, attempt_id, ip, user_agent }`
   * after a right password, on any route (`attempt_id` names the attempt).
   */
  LOGIN_SUCCEEDED: "customer_account.login_succeeded",
  /** The same payload after a wrong password, on any route. */
  LOGIN_FAILED: "customer_account.login_failed",
  /**
   * `{ identifier, actor_type, attempted_at, attempt_id, ip, user_agent }` when an attempt
   * was refused unchecked (locked account or IP); no account lookup was made.
   */
  LOGIN_REFUSED: "customer_account.login_refused",
  /**
   * `{ identifier, actor_type, customer_id, user_id, attempt_id, locked_until, lock_count }`
   * when a lock starts on a customer's (or an unknown) identifier.
   */
  LOCKED: "customer_account.locked",
  /** `{ event_id, identifier, customer_id, actor_id?, reason, was_locked }` when a lock is lifted early. */
  UNLOCKED: "customer_account.unlocked",
  /** `{ event_id, ip, customer_id, actor_id, was_blocked }` when an admin lifts an IP's block. */
  IP_UNBLOCKED: "customer_account.ip_unblocked",
  /**
   * `{ customer_id, email, code_digest }` after the plugin e-mailed a
   * verification link (Medusa's `auth.verification_requested` carried the code).
   */
  EMAIL_VERIFICATION_SENT: "customer_account.email_verification_sent",
  /**
   * `{ event_id, entity_id, auth_identity_id, verified_at? , actor_id? }` once an
   * address was confirmed (`/auth/verification/confirm`), or marked verified
   * by the admin `actor_id`.
   */
  EMAIL_VERIFIED: "customer_account.email_verified",
  /**
   * `{ event_id, customer_id, auth_identity_id, actor_id, factors: [{ id, provider }] }`
   * after the admin `actor_id` removed a customer's MFA factors and recovery codes.
   */
  MFA_RESET: "customer_account.mfa_reset",
  /**
   * `{ event_id, customer_id, to }` when a logged-in customer asked to move
   * their login to another address (sent whether or not the address was free).
   */
  EMAIL_CHANGE_REQUESTED: "customer_account.email_change_requested",
  /**
   * `{ event_id, customer_id, auth_identity_id, from, to }` once the new address
   * was confirmed and the login and customer record moved to it.
   */
  EMAIL_CHANGED: "customer_account.email_changed",
  /** `{ event_id, customer_id, requested_by: "customer" | "admin", actor_id }` after a data export was handed out. */
  EXPORTED: "customer_account.exported",
  /** `{ event_id, customer_id }` when a customer asked for erasure (an admin confirms, `anonymize.selfService` off). */
  ANONYMIZATION_REQUESTED: "customer_account.anonymization_requested",
  /** `{ event_id, customer_id, actor_id, orders: "keep" | "redact" }` once the account was anonymized (`actor_id` null: the customer). */
  ANONYMIZED: "customer_account.anonymized",
} as const

/** The same events for Back Office users' identities. */
export const UserAccountEvents = {
  /** Same payload as `customer_account.locked`, when a Back Office user's identifier locks. */
  LOCKED: "user_account.locked",
  /** `{ identifier, user_id, actor_id?, reason }` when a lock is lifted early. */
  UNLOCKED: "user_account.unlocked",
  /** `{ ip, user_id, actor_id, was_blocked }` when an admin lifts an IP's block. */
  IP_UNBLOCKED: "user_account.ip_unblocked",
} as const

/**
 * Events of the session registry (customers' and Back Office users' sessions).
 * `by` is `customer`, `user:<id>` or `system`.
 */
export const AccountSessionEvents = {
  /** `{ event_id, session_id, auth_identity_id, actor_type, actor_id, method }` when a session begins. */
  STARTED: "account_session.started",
  /**
   * `{ event_id, auth_identity_id, reason, by, session_ids, count }` when sessions ended before their
   * time (sign out, sign out everywhere, a password change or reset, an address change, an MFA reset).
   */
  REVOKED: "account_session.revoked",
} as const

/** Assisted shopping (docs/assistance.md). */
export const AssistanceEvents = {
  /** `{ event_id, customer_id, user_id, session_id, reason, ends_at }` once the storefront exchanged the code: the session began. */
  STARTED: "customer_account.assistance_started",
  /** `{ event_id, customer_id, session_id, user_id, ended_by: "admin" | "expiry" | "customer", actor_id }`. */
  ENDED: "customer_account.assistance_ended",
  /** `{ event_id, customer_id, allowed, expires_at }` when the customer gave or took back consent. */
  CONSENT_CHANGED: "customer_account.assistance_consent_changed",
} as const

/** Events of the customer group rules and the plugin's settings. */
export const CustomerGroupRuleEvents = {
  /** `{ customer_group_id, automatic }` after a group's rules were set (an empty list: manual again). */
  RULES_UPDATED: "customer_group_rule.updated",
  /** `{ customer_group_ids }` after deleted groups were dropped from the rules and the default groups. */
  GROUPS_FORGOTTEN: "customer_group_rule.groups_forgotten",
  /** `{ customer_group_id?, evaluated, added, removed }` after a backfill (re-evaluation) ran. */
  EVALUATED: "customer_group_rule.evaluated",
  /** `{ default_group_ids }` after a Back Office user changed the plugin's settings. */
  SETTINGS_UPDATED: "customer_accounts.settings_updated",
  /**
   * `{ event_id, source, actor_id, changes: { customer_id, customer_group_id, change, rule_set_id? }[] }`
   * after memberships were made or taken back: by a rule, by the default
   * groups, or by a Back Office user through Medusa's group routes (`manual`).
   */
  MEMBERSHIPS_CHANGED: "customer_group_membership.changed",
} as const

/**
 * Events emitted by the customer-note workflows; payload per note
 * `{ event_id, id, customer_id, actor_id, pinned? }` (updates also name the
 * `changed` fields). Never the body: the activity timeline records them.
 */
export const CustomerNoteEvents = {
  CREATED: "customer_note.created",
  UPDATED: "customer_note.updated",
  DELETED: "customer_note.deleted",
} as const

/** Events emitted by the password workflows; payload `{ customer_id, actor_id? }`. */
export const CustomerPasswordEvents = {
  /** The customer changed their own password. */
  PASSWORD_CHANGED: "customer.password_changed",
  /** An admin set the customer's password directly. */
  PASSWORD_SET_BY_ADMIN: "customer_account.password_set_by_admin",
  /** An admin sent the customer a reset link. */
  PASSWORD_RESET_SENT: "customer_account.password_reset_sent",
  /**
   * `{ event_id, identifier, customer_id, user_id, reason }` after Medusa's
   * emailpass provider stored a password outside the plugin's own password
   * workflows: `reason` "password_reset" (a reset link was used) or "update".
   */
  PASSWORD_RECORDED: "customer_account.password_recorded",
  /**
   * `{ customer_id, auth_identity_id, detected_at }` when a login's password
   * was found in a data breach (`breachedPasswords.checkOnLogin`) and the
   * account was marked "password change required". Once per exposure.
   */
  PASSWORD_BREACHED: "customer_account.password_breached",
} as const

/** Events of the preferences workflows; payload `{ customer_id }`. */
export const CustomerPreferenceEvents = {
  UPDATED: "customer_preference.updated",
} as const

/** Events of the staff permissions. */
export const StaffPermissionEvents = {
  /** `{ event_id, user_id, actor_id, before, after }` (capability names) after a user's capabilities were replaced. */
  UPDATED: "staff_permissions.updated",
  /** `{ event_id, user_ids }` after deleted Back Office users' grants were removed with them. */
  FORGOTTEN: "staff_permissions.forgotten",
} as const
