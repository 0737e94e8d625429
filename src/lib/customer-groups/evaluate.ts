import type { GroupCustomerPair, ICustomerModuleService, MedusaContainer } from "@medusajs/framework/types"
import { projectClock } from "../clock"
import { generateEntityId, Modules } from "@medusajs/framework/utils"
import {
  matchesRuleSet,
  needsOrderFacts,
  needsVerificationFacts,
  type CustomerFacts,
  type GroupRule,
} from "../group-rules"
import { verifiedAddresses } from "../email/verification"
import { normalizeIdentifier } from "../identity/auth-identity"
import { CUSTOMER_GROUP_RULE_MODULE } from "../../modules/customer-group-rule/index"
import type CustomerGroupRuleModuleService from "../../modules/customer-group-rule/service"

export type MembershipPair = { customer_id: string; customer_group_id: string }
export type RuleSet = { id?: string; customer_group_id: string; match: "all" | "any"; rules: GroupRule[] }
/** A membership row a rule made (its id, to take exactly that row back). */
export type RuleLink = MembershipPair & { id: string; rule_set_id?: string | null }
export type BatchResult = { added: RuleLink[]; removed: RuleLink[] }

/** One membership a rule, the default groups or an admin made or took back. */
export type MembershipChange = {
  customer_id: string
  customer_group_id: string
  change: "joined" | "left"
  rule_set_id?: string | null
}

/** The payload of `customer_group_membership.changed`. */
export type MembershipsChangedData = {
  event_id: string
  source: "rule" | "default" | "manual"
  /** The Back Office user who made a manual change. */
  actor_id: string | null
  changes: MembershipChange[]
}

/** A batch's changes as they are reported. */
export const batchChanges = (batch: BatchResult): MembershipChange[] => [
  ...batch.added.map(({ customer_id, customer_group_id, rule_set_id }) => ({
    customer_id,
    customer_group_id,
    change: "joined" as const,
    rule_set_id: rule_set_id ?? null,
  })),
  ...batch.removed.map(({ customer_id, customer_group_id }) => ({ customer_id, customer_group_id, change: "left" as const })),
]

/** One lock for every membership change made by rules, taken per batch. */
export const GROUP_RULES_LOCK = "cam-customer-group-rules"

/**
 * `created_by` of the membership rows (Medusa's `customer_group_customer`)
 * that the plugin makes. A row carries who made it, in the one write that
 * makes it: a membership is automatic exactly when its row was made by a
 * rule, at every instant and on every instance, and a row an admin makes
 * (also a re-add of a customer a rule had added) is manual. Rules only ever
 * delete their own rows, by id.
 */
export const MembershipMakers = {
  RULE: "customer-accounts:rule",
  DEFAULT_GROUPS: "customer-accounts:default-groups",
} as const

/** What a rule-made row notes about its rule, in the row's `metadata`. */
export type RuleLinkMetadata = { customer_accounts: { rule_set_id: string | null; added_at: string } }

type MembershipRow = GroupCustomerPair & { id?: string; created_by?: string | null; metadata?: Record<string, unknown> | null }

/**
 * Medusa's customer module, with the membership row fields its types leave
 * out: `addCustomerToGroup` stores whatever the rows carry (an id chosen
 * here, `created_by`, `metadata`), and the generated `deleteCustomerGroupCustomers`
 * deletes rows by id.
 */
type CustomerModule = ICustomerModuleService & {
  addCustomerToGroup(rows: MembershipRow[]): Promise<{ id: string }[]>
  deleteCustomerGroupCustomers(ids: string[]): Promise<void>
}

export const customerModuleOf = (container: MedusaContainer) =>
  container.resolve(Modules.CUSTOMER) as CustomerModule

const pairKey = (pair: MembershipPair) => `${pair.customer_group_id}:${pair.customer_id}`

async function collectFacts(
  container: MedusaContainer,
  customerIds: string[],
  { withOrders, withVerification }: { withOrders: boolean; withVerification: boolean }
): Promise<Map<string, CustomerFacts>> {
  const rules: CustomerGroupRuleModuleService = container.resolve(CUSTOMER_GROUP_RULE_MODULE)
  const [customers, orders] = await Promise.all([
    container
      .resolve(Modules.CUSTOMER)
      .listCustomers({ id: customerIds }, { select: ["id", "email", "has_account", "created_at"] }),
    withOrders ? rules.orderFactsOf(customerIds) : Promise.resolve(new Map()),
  ])
  const verified = withVerification
    ? await verifiedAddresses(
        container,
        customers.filter((customer) => customer.has_account && customer.email).map((customer) => customer.email!)
      )
    : new Set<string>()
  const facts = new Map<string, CustomerFacts>()
  for (const customer of customers) {
    const ordered = orders.get(customer.id)
    facts.set(customer.id, {
      email: customer.email ?? null,
      email_verified: !!customer.email && customer.has_account && verified.has(normalizeIdentifier(customer.email)),
      has_account: customer.has_account,
      created_at: new Date(customer.created_at),
      orders_count: ordered?.orders_count ?? 0,
      spent: ordered?.spent ?? {},
    })
  }
  return facts
}

/**
 * Brings the rule-made memberships of these customers in line with the
 * rules: adds members that match (one row each, marked as the rule's), and
 * deletes the rule's own rows of customers that no longer match. Rows made
 * by anyone else (an admin, Medusa's workflows, the default groups) are
 * never touched, and a customer who has one is not added again. Not locked:
 * callers hold GROUP_RULES_LOCK.
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
  const customerModule = customerModuleOf(container)
  const groupIds = ruleSets.map((set) => set.customer_group_id)
  const [facts, rows] = await Promise.all([
    collectFacts(container, customerIds, {
      withOrders: ruleSets.some((set) => needsOrderFacts(set.rules)),
      withVerification: ruleSets.some((set) => needsVerificationFacts(set.rules)),
    }),
    customerModule.listCustomerGroupCustomers(
      { customer_id: customerIds, customer_group_id: groupIds },
      { select: ["id", "customer_id", "customer_group_id", "created_by"] }
    ),
  ])
  const members = new Set(rows.map(pairKey))
  const ruleRows = new Map<string, RuleLink[]>()
  for (const row of rows) {
    if (row.created_by === MembershipMakers.RULE) {
      const key = pairKey(row)
      ruleRows.set(key, [...(ruleRows.get(key) ?? []), { id: row.id, customer_id: row.customer_id, customer_group_id: row.customer_group_id }])
    }
  }

  const addedAt = projectClock.now().toISOString()
  const toAdd: (MembershipRow & { id: string })[] = []
  for (const [customer_id, fact] of facts) {
    for (const set of ruleSets) {
      const pair = { customer_id, customer_group_id: set.customer_group_id }
      const key = pairKey(pair)
      if (matchesRuleSet(set, fact)) {
        if (!members.has(key)) {
          toAdd.push({
            ...pair,
            // Chosen here, so compensation can take back exactly this row.
            id: generateEntityId(undefined, "cusgc"),
            created_by: MembershipMakers.RULE,
            metadata: { customer_accounts: { rule_set_id: set.id ?? null, added_at: addedAt } } satisfies RuleLinkMetadata,
          })
        }
      } else {
        result.removed.push(...(ruleRows.get(key) ?? []))
      }
    }
  }

  if (toAdd.length) {
    await customerModule.addCustomerToGroup(toAdd)
    result.added = toAdd.map(({ id, customer_id, customer_group_id, metadata }) => ({
      id,
      customer_id,
      customer_group_id,
      rule_set_id: (metadata as RuleLinkMetadata).customer_accounts.rule_set_id,
    }))
  }
  if (result.removed.length) {
    await customerModule.deleteCustomerGroupCustomers(result.removed.map((row) => row.id))
  }
  return result
}

/** Undoes a batch's changes (workflow compensation): its rows deleted, the rows it deleted made again. */
export async function revertBatch(container: MedusaContainer, batch: BatchResult): Promise<void> {
  const customerModule = customerModuleOf(container)
  if (batch.added.length) {
    await customerModule.deleteCustomerGroupCustomers(batch.added.map((row) => row.id))
  }
  if (batch.removed.length) {
    await customerModule.addCustomerToGroup(
      batch.removed.map((row) => ({
        id: row.id,
        customer_id: row.customer_id,
        customer_group_id: row.customer_group_id,
        created_by: MembershipMakers.RULE,
      }))
    )
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
    id: set.id,
    customer_group_id: set.customer_group_id,
    match: set.match as "all" | "any",
    rules: (set.rules as unknown as GroupRule[]) ?? [],
  }))
}
