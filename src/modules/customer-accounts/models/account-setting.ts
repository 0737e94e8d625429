import { model } from "@medusajs/framework/utils"

/**
 * Plugin settings a Back Office user edits in the admin (one row per key),
 * e.g. `default_group_ids`. The plugin option of the same name is only the
 * initial value.
 */
const AccountSetting = model
  .define("customer_accounts_setting", {
    id: model.id({ prefix: "caset" }).primaryKey(),
    key: model.text(),
    value: model.json(),
  })
  .indexes([{ on: ["key"], unique: true, where: "deleted_at IS NULL" }])

export default AccountSetting
