import { randomUUID } from "node:crypto"
import type { FilterableCustomerProps } from "@medusajs/framework/types"
import { projectClock } from "../../../lib/clock"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_GROUP_RULE_MODULE } from "../../../modules/customer-group-rule"
import type CustomerGroupRuleModuleService from "../../../modules/customer-group-rule/service"
import {
  batchChanges,
  evaluateCustomerBatch,
  GROUP_RULES_LOCK,
  loadRuleSets,
  type MembershipsChangedData,
} from "../../../lib/customer-groups/evaluate"
import { CustomerGroupRuleEvents } from "../../../lib/events"

export type BackfillResult = {
  skipped: boolean
  evaluated: number
  added: number
  removed: number
}

/** Held for a whole backfill: a second backfill started meanwhile is skipped. */
export const BACKFILL_LOCK = "cam-customer-group-backfill"
/** A crashed backfill's lock frees itself after this long. */
const BACKFILL_LOCK_EXPIRE_SECONDS = 6 * 60 * 60

export const backfillCustomerGroupRulesStepId = "cam-backfill-customer-group-rules"

/**
 * Re-evaluates every customer (or, with `customer_group_id`, one group) in
 * batches by id, never holding more than one batch in memory. Each batch is
 * applied under the rules lock, so single-customer evaluations interleave.
 * Idempotent: running it again changes nothing, so it has no compensation;
 * a failed run leaves every finished batch correct and can simply be rerun.
 */
export const backfillCustomerGroupRulesStep = createStep(
  backfillCustomerGroupRulesStepId,
  async ({ customer_group_id }: { customer_group_id?: string }, { container }) => {
    const locking = container.resolve(Modules.LOCKING)
    const customerModule = container.resolve(Modules.CUSTOMER)
    const eventBus = container.resolve(Modules.EVENT_BUS)
    const rules: CustomerGroupRuleModuleService = container.resolve(CUSTOMER_GROUP_RULE_MODULE)
    const batchSize = rules.getOptions().backfillBatchSize
    const result: BackfillResult = { skipped: false, evaluated: 0, added: 0, removed: 0 }

    // Fails at once when another backfill (on any instance) holds it.
    const ownerId = `backfill:${Date.now()}:${Math.random().toString(36).slice(2)}`
    try {
      await locking.acquire(BACKFILL_LOCK, { ownerId, expire: BACKFILL_LOCK_EXPIRE_SECONDS })
    } catch {
      return new StepResponse({ ...result, skipped: true })
    }

    try {
      const ruleSets = await loadRuleSets(container, customer_group_id)
      const perGroup = new Map(ruleSets.map((set) => [set.customer_group_id, { added: 0, removed: 0 }]))
      let lastId: string | undefined
      while (ruleSets.length) {
        const page = await customerModule.listCustomers(
          // Keyset paging: the operator is supported, the DTO type lacks it.
          (lastId ? { id: { $gt: lastId } } : {}) as FilterableCustomerProps,
          { select: ["id"], order: { id: "ASC" }, take: batchSize }
        )
        if (!page.length) {
          break
        }
        lastId = page[page.length - 1].id
        const batch = await locking.execute(
          GROUP_RULES_LOCK,
          () => evaluateCustomerBatch(container, page.map((c) => c.id), ruleSets),
          { timeout: 60 }
        )
        result.evaluated += page.length
        result.added += batch.added.length
        result.removed += batch.removed.length
        batch.added.forEach((pair) => perGroup.get(pair.customer_group_id)!.added++)
        batch.removed.forEach((pair) => perGroup.get(pair.customer_group_id)!.removed++)
        // Per batch, as it commits (a backfill is not undone as a whole).
        const changes = batchChanges(batch)
        if (changes.length) {
          await eventBus.emit({
            name: CustomerGroupRuleEvents.MEMBERSHIPS_CHANGED,
            data: { event_id: randomUUID(), source: "rule", actor_id: null, changes } satisfies MembershipsChangedData,
          })
        }
      }
      const stored = await rules.listGroupRuleSets({ customer_group_id: [...perGroup.keys()] })
      if (stored.length) {
        await rules.updateGroupRuleSets(
          stored.map((set) => ({
            id: set.id,
            last_run_at: projectClock.now(),
            last_run_evaluated: result.evaluated,
            last_run_added: perGroup.get(set.customer_group_id)?.added ?? 0,
            last_run_removed: perGroup.get(set.customer_group_id)?.removed ?? 0,
          }))
        )
      }
    } finally {
      await locking.release(BACKFILL_LOCK, { ownerId })
    }
    return new StepResponse(result)
  }
)
