import { model } from "@medusajs/framework/utils"

/**
 * A group membership that a rule created. Rules only ever remove the
 * memberships recorded here, so manual memberships (made in Medusa's own
 * admin) are never touched by a rule.
 */
const RuleMembership = model
  .define("customer_group_rule_membership", {
    id: model.id({ prefix: "cgrm" }).primaryKey(),
    customer_group_id: model.text(),
    customer_id: model.text(),
  })
  .indexes([
    { on: ["customer_group_id", "customer_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["customer_id"], where: "deleted_at IS NULL" },
  ])

export default RuleMembership
