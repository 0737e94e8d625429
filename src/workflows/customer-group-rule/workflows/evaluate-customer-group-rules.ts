import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { applyCustomerGroupRulesStep } from "../steps/apply-customer-group-rules"

export const evaluateCustomerGroupRulesWorkflowId = "cam-evaluate-customer-group-rules"

/**
 * Re-evaluates the automatic groups of some customers (run on
 * `customer.created`, `customer.updated` and `order.placed`).
 *
 * @example
 * const { result } = await evaluateCustomerGroupRulesWorkflow(container).run({
 *   input: { customer_ids: ["cus_1"] },
 * }) // { added, removed }
 */
export const evaluateCustomerGroupRulesWorkflow = createWorkflow(
  evaluateCustomerGroupRulesWorkflowId,
  (input: { customer_ids: string[] }) => {
    return new WorkflowResponse(applyCustomerGroupRulesStep(input))
  }
)
