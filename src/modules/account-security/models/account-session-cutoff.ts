import { model } from "@medusajs/framework/utils"

/**
 * The instant before which an identity's tokens that the registry does not
 * know are refused (tokens issued before the plugin was installed, or by
 * custom code). Moved forward whenever the identity's sessions end together
 * (password reset, "sign out everywhere", erasure…). Holds no personal data.
 */
const AccountSessionCutoff = model
  .define("account_session_cutoff", {
    id: model.id({ prefix: "ascut" }).primaryKey(),
    auth_identity_id: model.text(),
    not_before: model.dateTime(),
  })
  .indexes([{ on: ["auth_identity_id"], unique: true, where: "deleted_at IS NULL" }])

export default AccountSessionCutoff
