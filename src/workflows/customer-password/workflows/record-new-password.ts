import { randomUUID } from "node:crypto"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { unlockAccountWorkflow } from "../../account-security"
import { revokeAccountSessionsWorkflow } from "../../account-session"
import { CustomerPasswordEvents } from "../../../lib/events"
import { findIdentifierAccountsStep } from "../steps/find-identifier-accounts"
import { rememberPasswordStep } from "../steps/remember-password"
import { voidPasswordResetTokensStep } from "../steps/void-password-reset-tokens"

export type RecordNewPasswordWorkflowInput = {
  /** The e-mail the emailpass identity is registered under. */
  entity_id: string
  /**
   * How Medusa's emailpass provider came to store the password:
   * `password_reset` (a valid reset link, which proves control of the
   * mailbox), `registration`, or `update` (any other caller).
   */
  reason: "password_reset" | "registration" | "update"
}

export const recordNewPasswordWorkflowId = "cam-record-new-password"

/**
 * Follows a password that Medusa's emailpass provider stored outside the
 * plugin's own password workflows (a completed reset, a registration): voids
 * every outstanding reset link of the identity (not needed after a
 * registration), keeps the new hash in the password history and, after a
 * completed reset, lifts a failed-login lock through `unlockAccountWorkflow`;
 * ends every session of the identity (not after a registration);
 * then emits `customer_account.password_recorded` (not after a registration).
 * The guarded auth module runs it once the provider answered success.
 *
 * @example
 * await recordNewPasswordWorkflow(container).run({
 *   input: { entity_id: "jane@example.com", reason: "password_reset" },
 * })
 */
export const recordNewPasswordWorkflow = createWorkflow(
  recordNewPasswordWorkflowId,
  (input: RecordNewPasswordWorkflowInput) => {
    when({ input }, ({ input }) => input.reason !== "registration").then(() => {
      voidPasswordResetTokensStep({ entity_id: input.entity_id })
      revokeAccountSessionsWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({
          entity_id: input.entity_id,
          reason: input.reason === "password_reset" ? ("password_reset" as const) : ("password_changed" as const),
          by: "system",
        })),
      })
    })
    rememberPasswordStep({ entity_id: input.entity_id })

    const accounts = findIdentifierAccountsStep({ email: input.entity_id })
    when({ input }, ({ input }) => input.reason === "password_reset").then(() => {
      const unlock = transform({ accounts }, ({ accounts }) => ({
        identifier: accounts.key,
        customer_id: accounts.customer_id,
        user_id: accounts.user_id,
        actor: { type: "password_reset" as const },
      }))
      unlockAccountWorkflow.runAsStep({ input: unlock })
    })
    when({ input }, ({ input }) => input.reason !== "registration").then(() => {
      emitEventStep({
        eventName: CustomerPasswordEvents.PASSWORD_RECORDED,
        data: transform({ input, accounts }, ({ input, accounts }) => ({
          event_id: randomUUID(),
          identifier: accounts.identifier,
          customer_id: accounts.customer_id,
          user_id: accounts.user_id,
          reason: input.reason,
        })),
      })
    })
    return new WorkflowResponse(void 0)
  }
)
