import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerGroupRuleEvents } from "../../../lib/events"
import { backfillCustomerGroupRulesStep } from "../steps/backfill-customer-group-rules"

export const backfillCustomerGroupRulesWorkflowId = "cam-backfill-customer-group-rules"

/**
 * Re-evaluates automatic groups for every customer, in batches, and emits
 * `customer_group_rule.evaluated` with the counts. Started from the admin
 * ("re-evaluate now") and by a nightly job; a run started while another is
 * going answers `{ skipped: true }` (and emits nothing).
 *
 * @example
 * await backfillCustomerGroupRulesWorkflow(container).run({ input: { customer_group_id: "cusgroup_1" } })
 */
export const backfillCustomerGroupRulesWorkflow = createWorkflow(
  backfillCustomerGroupRulesWorkflowId,
  (input: { customer_group_id?: string }) => {
    const result = backfillCustomerGroupRulesStep(input)
    when({ result }, ({ result }) => !result.skipped).then(() => {
      emitEventStep({
        eventName: CustomerGroupRuleEvents.EVALUATED,
        data: transform({ input, result }, ({ input, result }) => ({
          customer_group_id: input.customer_group_id ?? null,
          evaluated: result.evaluated,
          added: result.added,
          removed: result.removed,
        })),
      })
    })
    return new WorkflowResponse(result)
  }
)
