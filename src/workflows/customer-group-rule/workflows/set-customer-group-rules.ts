import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { GroupRule } from "../../../lib/group-rules"
import { CustomerGroupRuleEvents } from "../../../lib/events"
import { setGroupRuleSetStep } from "../steps/set-group-rule-set"
import { validateGroupRuleTargetsStep } from "../steps/validate-group-rule-targets"

export type SetCustomerGroupRulesWorkflowInput = {
  customer_group_id: string
  match: "all" | "any"
  /** An empty list makes the group manual again; the next evaluation removes the rule-made members. */
  rules: GroupRule[]
}

export const setCustomerGroupRulesWorkflowId = "cam-set-customer-group-rules"

/**
 * Sets a customer group's automatic-membership rules after checking the
 * group and the rules' currencies exist, and emits
 * `customer_group_rule.updated`. The previous rules come back if a later step
 * fails. Members change at the next evaluation (the admin's "Re-evaluate
 * now", the nightly backfill, or a customer's next change).
 *
 * @example
 * await setCustomerGroupRulesWorkflow(container).run({
 *   input: { customer_group_id: "cusgroup_1", match: "all", rules: [{ type: "orders_count", gte: 3 }] },
 * })
 */
export const setCustomerGroupRulesWorkflow = createWorkflow(
  setCustomerGroupRulesWorkflowId,
  (input: SetCustomerGroupRulesWorkflowInput) => {
    const targets = transform({ input }, ({ input }) => ({
      customer_group_ids: [input.customer_group_id],
      rules: input.rules,
    }))
    validateGroupRuleTargetsStep(targets)
    const set = setGroupRuleSetStep(input)
    emitEventStep({
      eventName: CustomerGroupRuleEvents.RULES_UPDATED,
      data: transform({ input }, ({ input }) => ({
        customer_group_id: input.customer_group_id,
        automatic: input.rules.length > 0,
      })),
    })
    return new WorkflowResponse(set)
  }
)
