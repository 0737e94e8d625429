/** Events of the failed-login lockout. */
export const CustomerAccountEvents = {
  /** `{ identifier, customer_id, ip }` after a wrong password. */
  LOGIN_FAILED: "customer_account.login_failed",
  /** `{ identifier, customer_id, locked_until, lock_count }` when a lock starts. */
  LOCKED: "customer_account.locked",
  /** `{ identifier, customer_id, actor_id? , reason }` when a lock is lifted early. */
  UNLOCKED: "customer_account.unlocked",
} as const
