import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerGroupRuleEvents } from "../../../lib/events"
import { setDefaultGroupIdsStep } from "../steps/set-default-group-ids"
import { validateGroupRuleTargetsStep } from "../steps/validate-group-rule-targets"

export type UpdateCustomerAccountsSettingsWorkflowInput = {
  /** The groups every new customer account joins (replaces the list). */
  default_group_ids: string[]
}

export const updateCustomerAccountsSettingsWorkflowId = "cam-update-customer-accounts-settings"

/**
 * Stores the plugin's settings a Back Office user edits (today the default
 * groups) after checking every group exists, and emits
 * `customer_accounts.settings_updated`. The previous value comes back if a
 * later step fails.
 *
 * @example
 * await updateCustomerAccountsSettingsWorkflow(container).run({
 *   input: { default_group_ids: ["cusgroup_1"] },
 * })
 */
export const updateCustomerAccountsSettingsWorkflow = createWorkflow(
  updateCustomerAccountsSettingsWorkflowId,
  (input: UpdateCustomerAccountsSettingsWorkflowInput) => {
    const ids = transform({ input }, ({ input }) => [...new Set(input.default_group_ids)])
    validateGroupRuleTargetsStep({ customer_group_ids: ids, field: "default_group_ids" })
    const stored = setDefaultGroupIdsStep({ default_group_ids: ids })
    emitEventStep({
      eventName: CustomerGroupRuleEvents.SETTINGS_UPDATED,
      data: transform({ stored }, ({ stored }) => ({ default_group_ids: stored })),
    })
    return new WorkflowResponse(stored)
  }
)
