import { randomUUID } from "node:crypto"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerAccountEvents } from "../../../lib/events"
import { recordErasureRequestStep } from "../steps/record-erasure-request"

export const requestCustomerErasureWorkflowId = "cam-request-customer-erasure"

/**
 * A customer asks to be erased (GDPR art. 17) where an admin confirms
 * erasures (`anonymize.selfService` off): the request is recorded once and
 * `customer_account.anonymization_requested` tells the shop, once. Returns
 * the customer's erasure record (a request, or an erasure an admin started).
 *
 * @example
 * const { result } = await requestCustomerErasureWorkflow(container).run({ input: { customer_id: "cus_1" } })
 */
export const requestCustomerErasureWorkflow = createWorkflow(
  requestCustomerErasureWorkflowId,
  (input: { customer_id: string }) => {
    const recorded = recordErasureRequestStep({ customer_id: input.customer_id })
    when({ recorded }, ({ recorded }) => recorded.created).then(() => {
      emitEventStep({
        eventName: CustomerAccountEvents.ANONYMIZATION_REQUESTED,
        data: transform({ input }, ({ input }) => ({ event_id: randomUUID(), customer_id: input.customer_id })),
      })
    })
    return new WorkflowResponse(transform({ recorded }, ({ recorded }) => recorded.record))
  }
)
