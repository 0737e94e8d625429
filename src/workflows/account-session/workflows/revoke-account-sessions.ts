import { randomUUID } from "node:crypto"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountSessionEvents } from "../../../lib/events"
import {
  revokeAccountSessionsStep,
  type RevokeAccountSessionsStepInput,
} from "../steps/revoke-account-sessions"

export type RevokeAccountSessionsWorkflowInput = RevokeAccountSessionsStepInput

export const revokeAccountSessionsWorkflowId = "cam-revoke-account-sessions"

/**
 * Ends sessions of one identity (sign out, "sign out everywhere", and what a
 * password change, reset, address change or MFA reset ends) and emits
 * `account_session.revoked` with how many ended and why. Other workflows run
 * it as a step, so the sessions end in the same unit as their cause and come
 * back if that fails.
 *
 * @example
 * await revokeAccountSessionsWorkflow(container).run({
 *   input: { auth_identity_id: "authid_1", reason: "signed_out_everywhere", by: "user:user_1" },
 * })
 */
export const revokeAccountSessionsWorkflow = createWorkflow(
  revokeAccountSessionsWorkflowId,
  (input: RevokeAccountSessionsWorkflowInput) => {
    const revoked = revokeAccountSessionsStep(input)
    emitEventStep({
      eventName: AccountSessionEvents.REVOKED,
      data: transform({ input, revoked }, ({ input, revoked }) => ({
        event_id: randomUUID(),
        auth_identity_id: revoked.auth_identity_id,
        reason: input.reason,
        by: input.by,
        session_ids: revoked.session_ids,
        count: revoked.session_ids.length,
      })),
    })
    return new WorkflowResponse(revoked)
  }
)
