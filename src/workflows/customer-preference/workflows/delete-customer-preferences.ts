import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteCustomerPreferencesStep } from "../steps/delete-customer-preferences"

export const deleteCustomerPreferencesWorkflowId = "cam-delete-customer-preferences"

/**
 * Deletes the preferences of deleted customers (run from the core
 * `deleteCustomersWorkflow` hook).
 *
 * @example
 * await deleteCustomerPreferencesWorkflow(container).run({ input: { customer_ids: ["cus_1"] } })
 */
export const deleteCustomerPreferencesWorkflow = createWorkflow(
  deleteCustomerPreferencesWorkflowId,
  (input: { customer_ids: string[] }) => {
    deleteCustomerPreferencesStep(input.customer_ids)
    return new WorkflowResponse(void 0)
  }
)
