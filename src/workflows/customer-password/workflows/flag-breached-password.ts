import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerPasswordEvents } from "../../../lib/events"
import { recordPasswordExposureStep } from "../steps/record-password-exposure"

export type FlagBreachedPasswordWorkflowInput = {
  auth_identity_id: string
  /** The customer the identity logs in as, for the e-mail and the timeline. */
  customer_id: string
}

export const flagBreachedPasswordWorkflowId = "cam-flag-breached-password"

/**
 * After a login whose password the breach screen found
 * (`passwordPolicy.breachedPasswords.checkOnLogin`): marks the identity
 * "password change required" and, the first time only, emits
 * `customer_account.password_breached` (the customer is e-mailed). It never
 * touches the login itself, which has been answered. The mark goes when a
 * new password is stored (rememberPasswordStep).
 *
 * @example
 * await flagBreachedPasswordWorkflow(container).run({
 *   input: { auth_identity_id: "authid_123", customer_id: "cus_123" },
 * })
 */
export const flagBreachedPasswordWorkflow = createWorkflow(
  flagBreachedPasswordWorkflowId,
  (input: FlagBreachedPasswordWorkflowInput) => {
    const exposure = recordPasswordExposureStep({ auth_identity_id: input.auth_identity_id })
    when({ exposure }, ({ exposure }) => exposure.created).then(() => {
      emitEventStep({
        eventName: CustomerPasswordEvents.PASSWORD_BREACHED,
        data: transform({ input, exposure }, ({ input, exposure }) => ({
          customer_id: input.customer_id,
          auth_identity_id: input.auth_identity_id,
          detected_at: exposure.detected_at,
        })),
      })
    })
    return new WorkflowResponse(exposure)
  }
)
