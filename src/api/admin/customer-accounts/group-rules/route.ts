import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_GROUP_RULE_MODULE } from "../../../../modules/customer-group-rule"
import type CustomerGroupRuleModuleService from "../../../../modules/customer-group-rule/service"
import type { AdminCustomerAccountsGroupRulesResponse } from "../../../../types/customer-group-rule"
import { toRuleSetView } from "../../../utils/group-rules"

/**
 * The automatic groups (groups with rules) for the settings page: each with
 * its name, rules and last run, by group name.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCustomerAccountsGroupRulesResponse>
) => {
  const rules: CustomerGroupRuleModuleService = req.scope.resolve(CUSTOMER_GROUP_RULE_MODULE)
  const sets = (await rules.listGroupRuleSets({})).filter((set) => ((set.rules as unknown as unknown[]) ?? []).length)
  const groups = sets.length
    ? await req.scope
        .resolve(Modules.CUSTOMER)
        .listCustomerGroups({ id: sets.map((set) => set.customer_group_id) }, { select: ["id", "name"] })
    : []
  const names = new Map(groups.map((group) => [group.id, group.name ?? ""]))
  res.json({
    groups: sets
      .filter((set) => names.has(set.customer_group_id))
      .map((set) => ({
        customer_group: { id: set.customer_group_id, name: names.get(set.customer_group_id)! },
        rule_set: toRuleSetView(set.customer_group_id, set),
      }))
      .sort((a, b) => a.customer_group.name.localeCompare(b.customer_group.name)),
  })
}
