import { model } from "@medusajs/framework/utils"

/**
 * One customer login attempt, for the Back Office and for audits. Never holds
 * the password. `customer_id` is set on successes and failures when the
 * identifier belongs to a customer account (refusals skip that lookup). Pruned after `lockout.retentionDays`.
 */
const LoginAttempt = model
  .define("login_attempt", {
    id: model.id({ prefix: "latt" }).primaryKey(),
    identifier: model.text(),
    customer_id: model.text().nullable(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
    outcome: model.enum(["success", "failure", "refused"]),
    /** When the request came in (the row is written after the answer). */
    attempted_at: model.dateTime(),
  })
  .indexes([
    { on: ["identifier", "attempted_at"], where: "deleted_at IS NULL" },
    { on: ["attempted_at"] },
  ])

export default LoginAttempt
