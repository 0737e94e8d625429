import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { backfillCustomerGroupRulesStep } from "../steps/backfill-customer-group-rules"

export const backfillCustomerGroupRulesWorkflowId = "cam-backfill-customer-group-rules"

/**
 * Re-evaluates automatic groups for every customer, in batches. Started from
 * the admin ("re-evaluate now") and by a nightly job; a run started while
 * another is going answers `{ skipped: true }`.
 *
 * @example
 * await backfillCustomerGroupRulesWorkflow(container).run({ input: { customer_group_id: "cusgroup_1" } })
 */
export const backfillCustomerGroupRulesWorkflow = createWorkflow(
  backfillCustomerGroupRulesWorkflowId,
  (input: { customer_group_id?: string }) => {
    return new WorkflowResponse(backfillCustomerGroupRulesStep(input))
  }
)
