import { randomUUID } from "node:crypto"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerAccountEvents } from "../../../lib/events"
import { revokeAccountSessionsWorkflow } from "../../account-session"
import { resetMfaStep } from "../steps/reset-mfa"

export type ResetCustomerMfaWorkflowInput = {
  customer_id: string
  auth_identity_id: string
  /** The Back Office user who removed the factors. */
  admin_id: string
}

export const resetCustomerMfaWorkflowId = "cam-reset-customer-mfa"

/**
 * Removes a customer's MFA factors and recovery codes (support for a lost
 * phone): the next login needs the password only, until the customer
 * enrolls again; every session of the identity ends. `customer_account.mfa_reset` names the admin and the
 * factors; the plugin records it on the activity timeline and e-mails the
 * customer. Emitted for every reset, also one that found no factor, since
 * the recovery codes were voided either way.
 *
 * @example
 * await resetCustomerMfaWorkflow(container).run({
 *   input: { customer_id: "cus_1", auth_identity_id: "authid_1", admin_id: "user_1" },
 * })
 */
export const resetCustomerMfaWorkflow = createWorkflow(
  resetCustomerMfaWorkflowId,
  (input: ResetCustomerMfaWorkflowInput) => {
    const removed = resetMfaStep({ auth_identity_id: input.auth_identity_id })
    // A lost phone may be a stolen one: every session ends with the factors.
    revokeAccountSessionsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        auth_identity_id: input.auth_identity_id,
        reason: "mfa_reset" as const,
        by: `user:${input.admin_id}`,
      })),
    })
    emitEventStep({
      eventName: CustomerAccountEvents.MFA_RESET,
      data: transform({ input, removed }, ({ input, removed }) => ({
        event_id: randomUUID(),
        customer_id: input.customer_id,
        auth_identity_id: input.auth_identity_id,
        actor_id: input.admin_id,
        factors: removed.map((factor) => ({ id: factor.id, provider: factor.provider })),
      })),
    })
    return new WorkflowResponse(removed)
  }
)
