import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  matchesRuleSet,
  needsOrderFacts,
  type CustomerFacts,
  type GroupRule,
} from "../../lib/group-rules"
import { CUSTOMER_GROUP_RULE_MODULE } from "../../modules/customer-group-rule"
import type CustomerGroupRuleModuleService from "../../modules/customer-group-rule/service"

export type MembershipPair = { customer_id: string; customer_group_id: string }
export type RuleSet = { customer_group_id: string; match: "all" | "any"; rules: GroupRule[] }
export type BatchResult = { added: MembershipPair[]; removed: MembershipPair[] }

/** One lock for every membership change made by rules, taken per batch. */
export const GROUP_RULES_LOCK = "cam-customer-group-rules"

const pairKey = (pair: MembershipPair) => `${pair.customer_group_id}:${pair.customer_id}`

async function collectFacts(
  container: MedusaContainer,
  customerIds: string[],
  withOrders: boolean
): Promise<Map<string, CustomerFacts>> {
  const customers = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: customerIds }, { select: ["id", "email", "has_account", "created_at"] })
  const facts = new Map<string, CustomerFacts>()
  for (const customer of customers) {
    facts.set(customer.id, {
      email: customer.email ?? null,
      has_account: customer.has_account,
      created_at: new Date(customer.created_at),
      orders_count: 0,
      spent: {},
    })
  }
  if (withOrders && facts.size) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["customer_id", "currency_code", "total", "status"],
      filters: { customer_id: [...facts.keys()], is_draft_order: false },
    })
    for (const order of orders) {
      const fact = order.customer_id ? facts.get(order.customer_id) : undefined
      if (!fact || order.status === "canceled") continue
      fact.orders_count += 1
      const currency = String(order.currency_code).toLowerCase()
      fact.spent[currency] = (fact.spent[currency] ?? 0) + Number(order.total ?? 0)
    }
  }
  return facts
}

/**
 * Brings the rule-made memberships of these customers in line with the rules:
 * adds members that match, removes only memberships a rule made that no
 * longer match. Manual memberships are never removed. Not locked: callers
 * hold GROUP_RULES_LOCK.
 */
export async function evaluateCustomerBatch(
  container: MedusaContainer,
  customerIds: string[],
  ruleSets: RuleSet[]
): Promise<BatchResult> {
  const result: BatchResult = { added: [], removed: [] }
  if (!customerIds.length || !ruleSets.length) {
    return result
  }
  const customerModule = container.resolve(Modules.CUSTOMER)
  const rulesService: CustomerGroupRuleModuleService = container.resolve(CUSTOMER_GROUP_RULE_MODULE)
  const groupIds = ruleSets.map((set) => set.customer_group_id)

  const [facts, memberships, ruleMemberships] = await Promise.all([
    collectFacts(container, customerIds, ruleSets.some((set) => needsOrderFacts(set.rules))),
    customerModule.listCustomerGroupCustomers(
      { customer_id: customerIds, customer_group_id: groupIds },
      { select: ["customer_id", "customer_group_id"] }
    ),
    rulesService.listRuleMemberships(
      { customer_id: customerIds, customer_group_id: groupIds },
      { select: ["id", "customer_id", "customer_group_id"] }
    ),
  ])
  const isMember = new Set(memberships.map(pairKey))
  const ruleMade = new Map(ruleMemberships.map((m) => [pairKey(m), m.id]))
  const staleRecords: string[] = []

  for (const [customer_id, fact] of facts) {
    for (const set of ruleSets) {
      const pair = { customer_id, customer_group_id: set.customer_group_id }
      const key = pairKey(pair)
      const matches = matchesRuleSet(set, fact)
      if (matches && !isMember.has(key)) {
        result.added.push(pair)
      } else if (!matches && ruleMade.has(key)) {
        if (isMember.has(key)) {
          result.removed.push(pair)
        } else {
          // Removed by hand meanwhile: forget that the rule made it.
          staleRecords.push(ruleMade.get(key)!)
        }
      }
    }
  }

  if (result.added.length) {
    await customerModule.addCustomerToGroup(result.added)
    await rulesService.createRuleMemberships(result.added)
  }
  if (result.removed.length) {
    await customerModule.removeCustomerFromGroup(result.removed)
    staleRecords.push(...result.removed.map((pair) => ruleMade.get(pairKey(pair))!))
  }
  if (staleRecords.length) {
    await rulesService.deleteRuleMemberships(staleRecords)
  }
  return result
}

/** Undoes a batch's changes (workflow compensation). */
export async function revertBatch(container: MedusaContainer, batch: BatchResult): Promise<void> {
  const customerModule = container.resolve(Modules.CUSTOMER)
  const rulesService: CustomerGroupRuleModuleService = container.resolve(CUSTOMER_GROUP_RULE_MODULE)
  if (batch.added.length) {
    await customerModule.removeCustomerFromGroup(batch.added)
    const records = await rulesService.listRuleMemberships({
      $or: batch.added.map((pair) => ({ ...pair })),
    })
    await rulesService.deleteRuleMemberships(records.map((record) => record.id))
  }
  if (batch.removed.length) {
    await customerModule.addCustomerToGroup(batch.removed)
    await rulesService.createRuleMemberships(batch.removed)
  }
}

export async function loadRuleSets(
  container: MedusaContainer,
  customerGroupId?: string
): Promise<RuleSet[]> {
  const rulesService: CustomerGroupRuleModuleService = container.resolve(CUSTOMER_GROUP_RULE_MODULE)
  const sets = await rulesService.listGroupRuleSets(
    customerGroupId ? { customer_group_id: customerGroupId } : {}
  )
  return sets.map((set) => ({
    customer_group_id: set.customer_group_id,
    match: set.match as "all" | "any",
    rules: (set.rules as unknown as GroupRule[]) ?? [],
  }))
}
