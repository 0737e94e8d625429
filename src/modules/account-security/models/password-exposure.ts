import { model } from "@medusajs/framework/utils"

/**
 * An emailpass identity whose current password was found in a data breach
 * when it logged in (`passwordPolicy.breachedPasswords.checkOnLogin`): the
 * account must change its password. One row per identity; it goes when a new
 * password is stored. Keyed by identity, never by e-mail (a look-alike must
 * not inherit or clear it). Holds no password, hash or count.
 */
const PasswordExposure = model
  .define("password_exposure", {
    id: model.id({ prefix: "pwexp" }).primaryKey(),
    auth_identity_id: model.text(),
    detected_at: model.dateTime(),
  })
  .indexes([{ on: ["auth_identity_id"], unique: true, where: "deleted_at IS NULL" }])

export default PasswordExposure
