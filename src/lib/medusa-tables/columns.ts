/**
 * Every table and column of Medusa's own modules that the plugin reads or
 * writes with SQL, all of it in this folder (src/lib/medusa-tables). Medusa
 * does not promise these names: the plugin pins Medusa's exact version, and
 * `integration-tests/http/medusa-tables.spec.ts` fails naming the
 * `table.column` that a Medusa upgrade renamed or dropped. A statement here
 * names a Medusa table only with an alias and qualifies each of its columns
 * with that alias, so the unit spec can check it against this list.
 *
 * Everything else the plugin knows of Medusa's data goes through Medusa's
 * module services or `query.graph`, whose types change with Medusa.
 */
export const MEDUSA_COLUMNS = {
  /** Auth module: an identity, and the actors it is linked to (`app_metadata.customer_id`, `user_id`). */
  auth_identity: ["id", "app_metadata", "deleted_at"],
  /** Auth module: a login of an identity (`entity_id` is the e-mail for emailpass). */
  provider_identity: ["id", "entity_id", "provider", "auth_identity_id", "created_at", "deleted_at"],
  /** Auth module: a password-reset token, stored by the SHA-256 of its `jti`. */
  auth_password_reset_token: ["id", "provider_identity_id", "token_hash", "expires_at", "deleted_at"],
  /** Order module: an order and its current version. */
  order: ["id", "customer_id", "currency_code", "version", "status", "is_draft_order", "deleted_at"],
  /** Order module: an order version's totals (`totals.current_order_total`). */
  order_summary: ["order_id", "version", "totals", "deleted_at"],
} as const satisfies Record<string, readonly string[]>

export type MedusaTable = keyof typeof MEDUSA_COLUMNS

/**
 * The plugin's own tables that a statement here joins with Medusa's (the
 * identity claims are checked against Medusa's logins in one statement).
 */
export const JOINED_PLUGIN_TABLES = ["identity_claim"] as const
