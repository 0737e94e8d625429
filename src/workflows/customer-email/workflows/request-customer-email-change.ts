import { randomUUID } from "node:crypto"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerAccountEvents } from "../../../lib/events"
import { requestEmailChangeStep, type RequestEmailChangeStepInput } from "../steps/request-email-change"

export const requestCustomerEmailChangeWorkflowId = "cam-request-customer-email-change"

/**
 * A logged-in customer (password confirmed) asks to move their login to
 * another address: a verification link goes to a free address, nothing to a
 * taken one, and `customer_account.email_change_requested` is emitted
 * either way (its subscribers must not tell the two apart). Returns whether
 * a link was requested.
 *
 * @example
 * await requestCustomerEmailChangeWorkflow(container).run({
 *   input: { auth_identity_id: "authid_1", customer_id: "cus_1", to: "jane@new.example" },
 * })
 */
export const requestCustomerEmailChangeWorkflow = createWorkflow(
  requestCustomerEmailChangeWorkflowId,
  (input: RequestEmailChangeStepInput) => {
    const requested = requestEmailChangeStep(input)
    emitEventStep({
      eventName: CustomerAccountEvents.EMAIL_CHANGE_REQUESTED,
      data: transform({ input }, ({ input }) => ({ event_id: randomUUID(), customer_id: input.customer_id, to: input.to })),
    })
    return new WorkflowResponse(requested)
  }
)
