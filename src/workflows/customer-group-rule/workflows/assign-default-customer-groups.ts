import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { assignDefaultGroupsStep } from "../steps/assign-default-groups"

export const assignDefaultCustomerGroupsWorkflowId = "cam-assign-default-customer-groups"

/**
 * Puts a new customer account into the default groups.
 *
 * @example
 * await assignDefaultCustomerGroupsWorkflow(container).run({ input: { customer_id: "cus_1" } })
 */
export const assignDefaultCustomerGroupsWorkflow = createWorkflow(
  assignDefaultCustomerGroupsWorkflowId,
  (input: { customer_id: string }) => {
    return new WorkflowResponse(assignDefaultGroupsStep(input))
  }
)
