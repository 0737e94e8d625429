import { randomUUID } from "node:crypto"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { MembershipsChangedData } from "../../../lib/customer-groups/evaluate"
import { CustomerGroupRuleEvents } from "../../../lib/events"
import { assignDefaultGroupsStep } from "../steps/assign-default-groups"

export const assignDefaultCustomerGroupsWorkflowId = "cam-assign-default-customer-groups"

/**
 * Puts a new customer account into the default groups, and emits
 * `customer_group_membership.changed` (source `default`) when it joined any.
 *
 * @example
 * await assignDefaultCustomerGroupsWorkflow(container).run({ input: { customer_id: "cus_1" } })
 */
export const assignDefaultCustomerGroupsWorkflow = createWorkflow(
  assignDefaultCustomerGroupsWorkflowId,
  (input: { customer_id: string }) => {
    const rows = assignDefaultGroupsStep(input)
    when({ rows }, ({ rows }) => rows.length > 0).then(() => {
      emitEventStep({
        eventName: CustomerGroupRuleEvents.MEMBERSHIPS_CHANGED,
        data: transform({ rows }, ({ rows }): MembershipsChangedData => ({
          event_id: randomUUID(),
          source: "default",
          actor_id: null,
          changes: rows.map(({ customer_id, customer_group_id }) => ({ customer_id, customer_group_id, change: "joined" })),
        })),
      })
    })
    return new WorkflowResponse(rows)
  }
)
