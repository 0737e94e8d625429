import { randomUUID } from "node:crypto"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerAccountEvents } from "../../../lib/events"
import { forgetAccountSessionsStep } from "../../account-session/steps/forget-account-sessions"
import { claimAnonymizationStep } from "../steps/claim-anonymization"
import { completeAnonymizationStep } from "../steps/complete-anonymization"
import { eraseCustomerStep } from "../steps/erase-customer"

export type AnonymizeCustomerWorkflowInput = {
  customer_id: string
  /** The admin who confirmed; null when the customer did it (self-service). */
  actor_id: string | null
  orders: "keep" | "redact"
}

export const anonymizeCustomerWorkflowId = "cam-anonymize-customer"

/**
 * Anonymizes a customer account (GDPR art. 17): takes the erasure for this
 * run (`erasing`; a concurrent run is refused), ends every session of the
 * customer's logins and forgets them, erases the person everywhere
 * (eraseCustomerStep, the point of no return, idempotent), marks it
 * `completed` and emits `customer_account.anonymized`, which the timeline
 * records without any personal data. A run that fails leaves the state
 * `erasing` and gives its claim back: running the workflow again finishes it.
 *
 * @example
 * await anonymizeCustomerWorkflow(container).run({
 *   input: { customer_id: "cus_1", actor_id: "user_1", orders: "keep" },
 * })
 */
export const anonymizeCustomerWorkflow = createWorkflow(
  anonymizeCustomerWorkflowId,
  (input: AnonymizeCustomerWorkflowInput) => {
    claimAnonymizationStep({ customer_id: input.customer_id, actor_id: input.actor_id })
    // Sessions end first, at once: no token of the person's writes onto the record being erased.
    forgetAccountSessionsStep({ customer_id: input.customer_id })
    eraseCustomerStep({ customer_id: input.customer_id, orders: input.orders })
    const anonymizedAt = completeAnonymizationStep({ customer_id: input.customer_id })
    emitEventStep({
      eventName: CustomerAccountEvents.ANONYMIZED,
      data: transform({ input }, ({ input }) => ({
        event_id: randomUUID(),
        customer_id: input.customer_id,
        actor_id: input.actor_id,
        orders: input.orders,
      })),
    })
    return new WorkflowResponse(anonymizedAt)
  }
)
