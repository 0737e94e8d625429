import { randomUUID } from "node:crypto"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerAccountEvents } from "../../../lib/events"
import { revokeAccountSessionsWorkflow } from "../../account-session"
import { changeLoginEmailStep } from "../steps/change-login-email"

export type ChangeLoginEmailWorkflowInput = {
  auth_identity_id: string
  customer_id: string
  to: string
  /** The session that confirmed the change, if any: it stays, every other one ends. */
  keep_session_id?: string | null
}

export const changeLoginEmailWorkflowId = "cam-change-login-email"

/**
 * Completes a customer's change of address once the new one is confirmed:
 * login and customer record move together (or neither does), then
 * `customer_account.email_changed` tells the old address and the timeline.
 * Every other session of the identity ends (the one that confirmed stays).
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
    const changed = changeLoginEmailStep(
      transform({ input }, ({ input }) => ({
        auth_identity_id: input.auth_identity_id,
        customer_id: input.customer_id,
        to: input.to,
      }))
    )
    revokeAccountSessionsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        auth_identity_id: input.auth_identity_id,
        except: input.keep_session_id ? [input.keep_session_id] : [],
        reason: "email_changed" as const,
        by: "customer",
      })),
    })
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
