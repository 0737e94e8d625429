import { groupRuleSetSchema } from "../../../../../lib/group-rules"

export const AdminSetCustomerGroupRules = groupRuleSetSchema
export type AdminSetCustomerGroupRulesType = ReturnType<typeof groupRuleSetSchema.parse>
