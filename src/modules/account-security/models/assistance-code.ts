import { model } from "@medusajs/framework/utils"

/**
 * The one-time code of an assisted session a Back Office user started: the
 * storefront exchanges it once, within `ASSISTANCE_CODE_TTL_SECONDS`, for the
 * customer's session. Only its SHA-256 is stored (`code_hash`), never the
 * code. `user_session_id` is the admin session that asked: the code dies
 * with it. `used_at` and `session_id` are set by the exchange, in one
 * statement that only one request can win.
 */
const AssistanceCode = model
  .define("assistance_code", {
    id: model.id({ prefix: "ascode" }).primaryKey(),
    code_hash: model.text(),
    customer_id: model.text(),
    auth_identity_id: model.text(),
    user_id: model.text(),
    user_session_id: model.text().nullable(),
    reason: model.text(),
    expires_at: model.dateTime(),
    used_at: model.dateTime().nullable(),
    session_id: model.text().nullable(),
  })
  .indexes([
    { on: ["code_hash"], unique: true, where: "deleted_at IS NULL" },
    { on: ["customer_id"], where: "deleted_at IS NULL" },
  ])

export default AssistanceCode
