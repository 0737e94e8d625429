/**
 * Events of the failed-login lockout. `identifier` is the normalized e-mail;
 * `actor_type` the actor of the route the attempt came through; `customer_id`
 * and `user_id` the accounts behind the identifier, when there are.
 */
export const CustomerAccountEvents = {
  /** `{ identifier, actor_type, customer_id, user_id, ip }` after a wrong password, on any route. */
  LOGIN_FAILED: "customer_account.login_failed",
  /**
   * `{ identifier, actor_type, customer_id, user_id, locked_until, lock_count }`
   * when a lock starts on a customer's (or an unknown) identifier.
   */
  LOCKED: "customer_account.locked",
  /** `{ identifier, customer_id, actor_id?, reason }` when a lock is lifted early. */
  UNLOCKED: "customer_account.unlocked",
  /** `{ ip, customer_id, actor_id, was_blocked }` when an admin lifts an IP's block. */
  IP_UNBLOCKED: "customer_account.ip_unblocked",
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
