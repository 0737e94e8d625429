/** HTTP shapes of the customer-group admin/store API, shared with the admin widgets. */

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

export type AdminCustomerAccountsGroupRulesResponse = {
  groups: { customer_group: { id: string; name: string }; rule_set: CustomerGroupRuleSet }[]
}

export type CustomerAccountsSettings = { default_group_ids: string[] }
export type AdminCustomerAccountsSettingsResponse = { settings: CustomerAccountsSettings }

/**
 * How a customer got into a group: `manual` (an admin or Medusa's own
 * workflows), `default` (a default group at sign-up), `automatic` (a rule).
 */
export type MembershipSource = "manual" | "default" | "automatic"

export type AdminCustomerGroupMembership = {
  customer_group: { id: string; name: string }
  source: MembershipSource
  /** When the membership began. */
  since: string
  /** For automatic memberships: the group's rules, which also end the membership. */
  rule_set: { match: "all" | "any"; rules: GroupRule[] } | null
}
export type AdminCustomerGroupMembershipsResponse = { memberships: AdminCustomerGroupMembership[] }

export type StoreCustomerGroupsResponse = { groups: { id: string; name: string }[] }
