import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerGroupRuleEvents } from "../../../lib/events"
import { forgetCustomerGroupsStep } from "../steps/forget-customer-groups"

export const forgetCustomerGroupsWorkflowId = "cam-forget-customer-groups"

/**
 * After Medusa deleted customer groups: drops them from the default groups
 * and deletes their rules, then emits `customer_group_rule.groups_forgotten`.
 * Run by the plugin's subscriber on Medusa's `customer_group.deleted`.
 *
 * @example
 * await forgetCustomerGroupsWorkflow(container).run({ input: { customer_group_ids: ["cusgroup_1"] } })
 */
export const forgetCustomerGroupsWorkflow = createWorkflow(
  forgetCustomerGroupsWorkflowId,
  (input: { customer_group_ids: string[] }) => {
    forgetCustomerGroupsStep(input)
    emitEventStep({ eventName: CustomerGroupRuleEvents.GROUPS_FORGOTTEN, data: input })
    return new WorkflowResponse(void 0)
  }
)
