/** Events of the failed-login lockout. */
export const CustomerAccountEvents = {
  /** `{ identifier, customer_id, ip }` after a wrong password. */
  LOGIN_FAILED: "customer_account.login_failed",
  /** `{ identifier, customer_id, locked_until, lock_count }` when a lock starts. */
  LOCKED: "customer_account.locked",
  /** `{ identifier, customer_id, actor_id? , reason }` when a lock is lifted early. */
  UNLOCKED: "customer_account.unlocked",
  /** `{ ip, customer_id, actor_id, was_blocked }` when an admin lifts an IP's block. */
  IP_UNBLOCKED: "customer_account.ip_unblocked",
} as const
