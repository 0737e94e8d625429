import { model } from "@medusajs/framework/utils"

/**
 * One token of a session, known by its SHA-256 (the token itself is never
 * stored). A refresh adds a row to the same session.
 */
const AccountSessionToken = model
  .define("account_session_token", {
    id: model.id({ prefix: "astok" }).primaryKey(),
    token_hash: model.text(),
    session_id: model.text(),
    expires_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["token_hash"], unique: true, where: "deleted_at IS NULL" },
    { on: ["session_id"], where: "deleted_at IS NULL" },
  ])

export default AccountSessionToken
