import { randomUUID } from "node:crypto"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerAccountEvents } from "../../../modules/account-security/events"
import { changeLoginEmailStep } from "../steps/change-login-email"

export type ChangeLoginEmailWorkflowInput = { auth_identity_id: string; customer_id: string; to: string }

export const changeLoginEmailWorkflowId = "cam-change-login-email"

/**
 * Completes a customer's change of address once the new one is confirmed:
 * login and customer record move together (or neither does), then
 * `customer_account.email_changed` tells the old address and the timeline.
 * Run by the plugin when Medusa confirms an `email_change` verification.
 *
 * @example
 * await changeLoginEmailWorkflow(container).run({
 *   input: { auth_identity_id: "authid_1", customer_id: "cus_1", to: "jane@new.example" },
 * })
 */
export const changeLoginEmailWorkflow = createWorkflow(
  changeLoginEmailWorkflowId,
  (input: ChangeLoginEmailWorkflowInput) => {
    const changed = changeLoginEmailStep(input)
    emitEventStep({
      eventName: CustomerAccountEvents.EMAIL_CHANGED,
      data: transform({ input, changed }, ({ input, changed }) => ({
        event_id: randomUUID(),
        customer_id: input.customer_id,
        auth_identity_id: input.auth_identity_id,
        from: changed.from,
        to: input.to,
      })),
    })
    return new WorkflowResponse(changed)
  }
)
