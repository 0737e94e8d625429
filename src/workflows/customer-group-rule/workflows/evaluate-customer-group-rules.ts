import { randomUUID } from "node:crypto"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { MembershipsChangedData } from "../../../lib/customer-groups/evaluate"
import { CustomerGroupRuleEvents } from "../../../lib/events"
import { applyCustomerGroupRulesStep } from "../steps/apply-customer-group-rules"

export const evaluateCustomerGroupRulesWorkflowId = "cam-evaluate-customer-group-rules"

/**
 * Re-evaluates the automatic groups of some customers (run on
 * `customer.created`, `customer.updated` and `order.placed`), and emits
 * `customer_group_membership.changed` when a membership was made or taken back.
 *
 * @example
 * const { result } = await evaluateCustomerGroupRulesWorkflow(container).run({
 *   input: { customer_ids: ["cus_1"] },
 * }) // { added, removed, changes }
 */
export const evaluateCustomerGroupRulesWorkflow = createWorkflow(
  evaluateCustomerGroupRulesWorkflowId,
  (input: { customer_ids: string[] }) => {
    const applied = applyCustomerGroupRulesStep(input)
    when({ applied }, ({ applied }) => applied.changes.length > 0).then(() => {
      emitEventStep({
        eventName: CustomerGroupRuleEvents.MEMBERSHIPS_CHANGED,
        data: transform({ applied }, ({ applied }): MembershipsChangedData => ({
          event_id: randomUUID(),
          source: "rule",
          actor_id: null,
          changes: applied.changes,
        })),
      })
    })
    return new WorkflowResponse(applied)
  }
)
