import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  batchChanges,
  evaluateCustomerBatch,
  GROUP_RULES_LOCK,
  loadRuleSets,
  revertBatch,
  type BatchResult,
} from "../../../lib/customer-groups/evaluate"

export const applyCustomerGroupRulesStepId = "cam-apply-customer-group-rules"

/**
 * Re-evaluates every automatic group for the given customers (adds matching
 * customers, removes rule-made memberships that no longer match).
 * Compensation reverts exactly those changes.
 */
export const applyCustomerGroupRulesStep = createStep(
  applyCustomerGroupRulesStepId,
  async ({ customer_ids }: { customer_ids: string[] }, { container }) => {
    const locking = container.resolve(Modules.LOCKING)
    const batch = await locking.execute(
      GROUP_RULES_LOCK,
      async () => evaluateCustomerBatch(container, customer_ids, await loadRuleSets(container)),
      { timeout: 60 }
    )
    return new StepResponse(
      { added: batch.added.length, removed: batch.removed.length, changes: batchChanges(batch) },
      batch as BatchResult
    )
  },
  async (batch, { container }) => {
    if (!batch || (!batch.added.length && !batch.removed.length)) {
      return
    }
    const locking = container.resolve(Modules.LOCKING)
    await locking.execute(GROUP_RULES_LOCK, () => revertBatch(container, batch), { timeout: 60 })
  }
)
