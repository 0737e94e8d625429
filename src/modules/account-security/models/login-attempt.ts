import { model } from "@medusajs/framework/utils"

/**
 * One login attempt on an emailpass identity, for the Back Office and for
 * audits; refused attempts (a locked account, a blocked IP) are aggregated
 * per identifier, identity, IP, route and minute (`bucket`): `count` of them
 * between `attempted_at` and `last_attempted_at`, so an attack writes rows
 * in proportion to identifiers x IPs x minutes, not to requests (issue 22).
 * Never holds the password. `actor_type` names the route's actor
 * (customer, user, …); `customer_id` / `user_id` are set on successes and
 * failures when the identifier belongs to a customer account or a Back
 * Office user (refusals skip that lookup). `ip` is canonical (see
 * lib/ip-address). Pruned after `lockout.retentionDays`.
 */
const LoginAttempt = model
  .define("login_attempt", {
    id: model.id({ prefix: "latt" }).primaryKey(),
    identifier: model.text(),
    /** The emailpass identity whose lockout the attempt counted on (issue 21); null for unknown e-mails. */
    auth_identity_id: model.text().nullable(),
    actor_type: model.text().nullable(),
    customer_id: model.text().nullable(),
    user_id: model.text().nullable(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
    outcome: model.enum(["success", "failure", "refused"]),
    /** When the request came in (the row is written after the answer); an aggregate's first. */
    attempted_at: model.dateTime(),
    /** How many attempts the row stands for (1 but for refused aggregates). */
    count: model.number().default(1),
    /** An aggregate's latest attempt (null: a single attempt). */
    last_attempted_at: model.dateTime().nullable(),
    /** The minute a refused aggregate counts (null: a single attempt, or an erased one). */
    bucket: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["identifier", "attempted_at"], where: "deleted_at IS NULL" },
    { on: ["auth_identity_id", "attempted_at"], where: "deleted_at IS NULL" },
    { on: ["customer_id"], where: "deleted_at IS NULL" },
    { on: ["attempted_at"] },
  ])

export default LoginAttempt
