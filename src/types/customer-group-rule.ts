/** HTTP shapes of the customer-group admin/store API, shared with the admin widgets. */

/** Most rules one group may carry (API validator and admin form). */
export const MAX_RULES_PER_GROUP = 20
export type { GroupRule, GroupRuleSetInput } from "../lib/group-rules"
import type { GroupRule } from "../lib/group-rules"

export type CustomerGroupRuleSet = {
  customer_group_id: string
  match: "all" | "any"
  rules: GroupRule[]
  /** True when the group has rules (Medusa then keeps its members up to date). */
  automatic: boolean
  last_run: {
    at: string
    evaluated: number
    added: number
    removed: number
  } | null
}

export type AdminCustomerGroupRulesResponse = { rule_set: CustomerGroupRuleSet }
export type AdminEvaluateCustomerGroupRulesResponse = { transaction_id: string }

export type CustomerAccountsSettings = { default_group_ids: string[] }
export type AdminCustomerAccountsSettingsResponse = { settings: CustomerAccountsSettings }

export type AdminCustomerGroupMembership = {
  customer_group: { id: string; name: string }
  source: "manual" | "automatic"
}
export type AdminCustomerGroupMembershipsResponse = { memberships: AdminCustomerGroupMembership[] }

export type StoreCustomerGroupsResponse = { groups: { id: string; name: string }[] }
