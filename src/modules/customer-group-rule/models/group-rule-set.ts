import { model } from "@medusajs/framework/utils"

/**
 * The rules that make a customer group "automatic", and the result of the
 * last full evaluation. `rules` is a list of conditions (see
 * src/lib/group-rules.ts), combined with `match` ("all" or "any").
 */
const GroupRuleSet = model
  .define("customer_group_rule_set", {
    id: model.id({ prefix: "cgrs" }).primaryKey(),
    customer_group_id: model.text(),
    match: model.enum(["all", "any"]).default("all"),
    rules: model.json(),
    last_run_at: model.dateTime().nullable(),
    last_run_added: model.number().nullable(),
    last_run_removed: model.number().nullable(),
    last_run_evaluated: model.number().nullable(),
  })
  .indexes([{ on: ["customer_group_id"], unique: true, where: "deleted_at IS NULL" }])

export default GroupRuleSet
