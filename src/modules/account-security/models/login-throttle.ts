import { model } from "@medusajs/framework/utils"

/**
 * Failed-login state of one identifier (normalized e-mail) or one client IP,
 * shared by every server instance. Only changed by single atomic statements
 * (see AccountSecurityModuleService), never read-then-written.
 *
 * - `attempts`: attempts admitted to the password check in the current
 *   window (failed or still running); a success resets it.
 * - `locked_until`: refused until then. `lock_count` counts the locks of the
 *   last 24 h (progressive duration), `last_locked_at` dates the latest.
 * - `owner_kind` (identifier rows): whose lockout block limits the row, a
 *   Back Office user's or a customer's, as the latest verdict found it.
 */
const LoginThrottle = model
  .define("login_throttle", {
    id: model.id({ prefix: "lthr" }).primaryKey(),
    scope: model.enum(["identifier", "ip"]),
    key: model.text(),
    attempts: model.number().default(0),
    window_started_at: model.dateTime(),
    locked_until: model.dateTime().nullable(),
    lock_count: model.number().default(0),
    last_locked_at: model.dateTime().nullable(),
    last_failed_at: model.dateTime().nullable(),
    owner_kind: model.enum(["customer", "user"]).nullable(),
  })
  .indexes([
    {
      on: ["scope", "key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default LoginThrottle
