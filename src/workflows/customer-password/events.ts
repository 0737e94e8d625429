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
} as const
