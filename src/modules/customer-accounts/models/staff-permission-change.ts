import { model } from "@medusajs/framework/utils"

/**
 * The audit trail of staff permissions: who (`actor_id`) changed whose
 * (`user_id`) capabilities from what to what, and when (`created_at`).
 * Written in the same workflow as the grant; never updated.
 */
const StaffPermissionChange = model
  .define({ name: "StaffPermissionChange", tableName: "customer_accounts_staff_permission_change" }, {
    id: model.id({ prefix: "cpchg" }).primaryKey(),
    user_id: model.text(),
    actor_id: model.text(),
    before: model.array(),
    after: model.array(),
  })
  .indexes([{ on: ["user_id"] }, { on: ["created_at"] }])

export default StaffPermissionChange
