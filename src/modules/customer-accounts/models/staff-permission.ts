import { model } from "@medusajs/framework/utils"

/**
 * The capabilities granted to one Back Office user (staff permissions), read
 * in `staffPermissions.mode: "enforced"`. One row per user; removed with the
 * user (subscriber `forget-deleted-user-permissions`).
 */
const StaffPermission = model
  .define({ name: "StaffPermission", tableName: "customer_accounts_staff_permission" }, {
    id: model.id({ prefix: "cperm" }).primaryKey(),
    user_id: model.text(),
    /** Capability names (lib/permissions), in the catalog's order. */
    capabilities: model.array(),
  })
  .indexes([{ on: ["user_id"], unique: true, where: "deleted_at IS NULL" }])

export default StaffPermission
