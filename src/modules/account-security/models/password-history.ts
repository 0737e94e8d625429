import { model } from "@medusajs/framework/utils"

/**
 * A previous password of an auth identity, as the scrypt-kdf hash the
 * emailpass provider stored (never the plain text). Used to refuse reuse of
 * the last `passwordPolicy.historySize` passwords.
 */
const PasswordHistory = model
  .define("password_history", {
    id: model.id({ prefix: "pwhist" }).primaryKey(),
    auth_identity_id: model.text(),
    hash: model.text(),
  })
  .indexes([
    {
      on: ["auth_identity_id", "created_at"],
      where: "deleted_at IS NULL",
    },
  ])

export default PasswordHistory
