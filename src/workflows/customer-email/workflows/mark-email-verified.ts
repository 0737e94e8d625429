import { randomUUID } from "node:crypto"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerAccountEvents } from "../../../lib/events"
import { markEmailVerifiedStep } from "../steps/mark-email-verified"

export type MarkEmailVerifiedWorkflowInput = {
  auth_identity_id: string
  /** The address, as the emailpass identity holds it. */
  entity_id: string
  /** The Back Office user who vouches for the address. */
  admin_id: string
}

export const markEmailVerifiedWorkflowId = "cam-mark-email-verified"

/**
 * Marks a customer's address verified on an admin's word (the customer
 * confirmed it another way): Medusa's verification row says so, and
 * `customer_account.email_verified` names the admin, so the activity
 * timeline records who vouched. Nothing happens for an address already
 * verified.
 *
 * @example
 * await markEmailVerifiedWorkflow(container).run({
 *   input: { auth_identity_id: "authid_1", entity_id: "jane@example.com", admin_id: "user_1" },
 * })
 */
export const markEmailVerifiedWorkflow = createWorkflow(
  markEmailVerifiedWorkflowId,
  (input: MarkEmailVerifiedWorkflowInput) => {
    const marked = markEmailVerifiedStep({ auth_identity_id: input.auth_identity_id, entity_id: input.entity_id })
    when({ marked }, ({ marked }) => !marked.already).then(() => {
      emitEventStep({
        eventName: CustomerAccountEvents.EMAIL_VERIFIED,
        data: transform({ input }, ({ input }) => ({
          event_id: randomUUID(),
          entity_id: input.entity_id,
          auth_identity_id: input.auth_identity_id,
          actor_id: input.admin_id,
        })),
      })
    })
    return new WorkflowResponse(marked)
  }
)
