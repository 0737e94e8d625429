import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import type { GroupRule } from "../../../../../lib/group-rules"
import { CUSTOMER_GROUP_RULE_MODULE } from "../../../../../modules/customer-group-rule"
import type CustomerGroupRuleModuleService from "../../../../../modules/customer-group-rule/service"
import type {
  AdminCustomerGroupMembership,
  AdminCustomerGroupMembershipsResponse,
  MembershipSource,
} from "../../../../../types/customer-group-rule"
import { MembershipMakers } from "../../../../../lib/customer-groups/evaluate"
import { fetchCustomerOrThrow } from "../../../../utils/customers"

/** What a membership row's maker makes of it; anything but the plugin's own marks is manual. */
const sourceOf = (createdBy: string | null | undefined): MembershipSource =>
  createdBy === MembershipMakers.RULE ? "automatic" : createdBy === MembershipMakers.DEFAULT_GROUPS ? "default" : "manual"

/** Manual wins over the plugin's sources when a customer has two rows in one group. */
const PRECEDENCE: MembershipSource[] = ["manual", "default", "automatic"]

/**
 * The customer's groups, each with how the customer got there: `manual` (an
 * admin, Medusa's workflows), `default` (a default group at sign-up) or
 * `automatic` (a rule, with the group's rules, which also decide when the
 * membership ends).
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCustomerGroupMembershipsResponse>
) => {
  const customerId = req.params.id
  await fetchCustomerOrThrow(req.scope, customerId)
  const customerModule = req.scope.resolve(Modules.CUSTOMER)
  const rows = await customerModule.listCustomerGroupCustomers(
    { customer_id: customerId },
    { select: ["customer_group_id", "created_by", "created_at"] }
  )
  const byGroup = new Map<string, { source: MembershipSource; since: string }>()
  for (const row of rows) {
    const source = sourceOf(row.created_by)
    const known = byGroup.get(row.customer_group_id)
    if (!known || PRECEDENCE.indexOf(source) < PRECEDENCE.indexOf(known.source)) {
      byGroup.set(row.customer_group_id, { source, since: new Date(row.created_at ?? Date.now()).toISOString() })
    }
  }
  const groupIds = [...byGroup.keys()]
  const rules: CustomerGroupRuleModuleService = req.scope.resolve(CUSTOMER_GROUP_RULE_MODULE)
  const [groups, ruleSets] = groupIds.length
    ? await Promise.all([
        customerModule.listCustomerGroups({ id: groupIds }, { select: ["id", "name"], order: { name: "ASC" } }),
        rules.listGroupRuleSets({ customer_group_id: groupIds }, { select: ["customer_group_id", "match", "rules"] }),
      ])
    : [[], []]
  const setOf = new Map(ruleSets.map((set) => [set.customer_group_id, set]))
  const memberships: AdminCustomerGroupMembership[] = groups.map((group) => {
    const { source, since } = byGroup.get(group.id)!
    const set = setOf.get(group.id)
    return {
      customer_group: { id: group.id, name: group.name ?? "" },
      source,
      since,
      rule_set:
        source === "automatic" && set
          ? { match: set.match as "all" | "any", rules: (set.rules as unknown as GroupRule[]) ?? [] }
          : null,
    }
  })
  res.json({ memberships })
}
