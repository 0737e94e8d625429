import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { takeEmailConfirmationStep } from "../steps/take-email-confirmation"
import { changeLoginEmailWorkflow, type ChangeLoginEmailWorkflowInput } from "./change-login-email"

export type CompleteEmailChangeWorkflowInput = ChangeLoginEmailWorkflowInput & {
  /** The `email_change` verification Medusa just confirmed. */
  verification_id?: string
}

export const completeEmailChangeWorkflowId = "cam-complete-email-change"

/**
 * Completes a customer's change of address when Medusa confirms its
 * `email_change` verification: the login moves to the confirmed address
 * (`changeLoginEmailWorkflow`), or, when it cannot (the address was taken
 * meanwhile), the confirmation is taken back, so the two never disagree.
 * Run by the guarded auth module's `confirmAuthVerification`.
 *
 * @example
 * await completeEmailChangeWorkflow(container).run({
 *   input: { verification_id: "authver_1", auth_identity_id: "authid_1", customer_id: "cus_1", to: "jane@new.example" },
 * })
 */
export const completeEmailChangeWorkflow = createWorkflow(
  completeEmailChangeWorkflowId,
  (input: CompleteEmailChangeWorkflowInput) => {
    takeEmailConfirmationStep(transform({ input }, ({ input }) => ({ verification_id: input.verification_id })))
    const changed = changeLoginEmailWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        auth_identity_id: input.auth_identity_id,
        customer_id: input.customer_id,
        to: input.to,
        keep_session_id: input.keep_session_id ?? null,
      })),
    })
    return new WorkflowResponse(changed)
  }
)
