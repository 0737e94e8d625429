import type { MedusaContainer } from "@medusajs/framework/types"
import type { GroupRule } from "../../lib/group-rules"
import { CUSTOMER_GROUP_RULE_MODULE } from "../../modules/customer-group-rule"
import type CustomerGroupRuleModuleService from "../../modules/customer-group-rule/service"
import type { CustomerGroupRuleSet } from "../../types/customer-group-rule"

type StoredRuleSet = {
  match: string
  rules: unknown
  last_run_at?: Date | string | null
  last_run_evaluated?: number | null
  last_run_added?: number | null
  last_run_removed?: number | null
}

/** The group's rules as the API shows them (an empty, manual set when none). */
export async function readRuleSet(
  scope: MedusaContainer,
  groupId: string
): Promise<CustomerGroupRuleSet> {
  const rules: CustomerGroupRuleModuleService = scope.resolve(CUSTOMER_GROUP_RULE_MODULE)
  const [set] = await rules.listGroupRuleSets({ customer_group_id: groupId })
  return toRuleSetView(groupId, set)
}

/** A stored rule set (or none) as the API shows it. */
export function toRuleSetView(groupId: string, set: StoredRuleSet | undefined): CustomerGroupRuleSet {
  const list = ((set?.rules as GroupRule[] | undefined) ?? [])
  return {
    customer_group_id: groupId,
    match: (set?.match as "all" | "any") ?? "all",
    rules: list,
    automatic: list.length > 0,
    last_run: set?.last_run_at
      ? {
          at: new Date(set.last_run_at).toISOString(),
          evaluated: Number(set.last_run_evaluated ?? 0),
          added: Number(set.last_run_added ?? 0),
          removed: Number(set.last_run_removed ?? 0),
        }
      : null,
  }
}
