import { randomUUID } from "node:crypto"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { revokeAccountSessionsWorkflow } from "../../account-session"
import { CustomerPasswordEvents } from "../../../lib/events"
import { rememberPasswordStep } from "../steps/remember-password"
import { setEmailpassPasswordStep } from "../steps/set-emailpass-password"
import { validatePasswordPolicyStep } from "../steps/validate-password-policy"
import { voidPasswordResetTokensStep } from "../steps/void-password-reset-tokens"

export type ChangeCustomerPasswordWorkflowInput = {
  customer_id: string
  /** The e-mail the customer's emailpass identity is registered under. */
  entity_id: string
  password: string
  /** Where the request came from, for the customer's activity timeline. */
  context?: { ip?: string | null; user_agent?: string | null }
  /** The session that asked: it stays, every other session of the identity ends. */
  keep_session_id?: string | null
}

export const changeCustomerPasswordWorkflowId = "cam-change-customer-password"

/**
 * Stores a customer's new password: refuses one the policy rejects (rules
 * and history), stores it, voids every outstanding reset link, records it in
 * the password history, ends every other session of the identity (the one
 * that asked stays) and emits `customer.password_changed`. The caller
 * verifies the current password first (through the lockout).
 *
 * @example
 * await changeCustomerPasswordWorkflow(container).run({
 *   input: { customer_id: "cus_1", entity_id: "jane@example.com", password: "new passphrase" },
 * })
 */
export const changeCustomerPasswordWorkflow = createWorkflow(
  changeCustomerPasswordWorkflowId,
  (input: ChangeCustomerPasswordWorkflowInput) => {
    validatePasswordPolicyStep({ entity_id: input.entity_id, password: input.password })
    setEmailpassPasswordStep({ entity_id: input.entity_id, password: input.password })
    voidPasswordResetTokensStep({ entity_id: input.entity_id })
    rememberPasswordStep({ entity_id: input.entity_id })
    revokeAccountSessionsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        entity_id: input.entity_id,
        except: input.keep_session_id ? [input.keep_session_id] : [],
        reason: "password_changed" as const,
        by: "customer",
      })),
    })
    emitEventStep({
      eventName: CustomerPasswordEvents.PASSWORD_CHANGED,
      data: transform({ input }, ({ input }) => ({
        event_id: randomUUID(),
        customer_id: input.customer_id,
        ip: input.context?.ip ?? null,
        user_agent: input.context?.user_agent ?? null,
      })),
    })
    return new WorkflowResponse(void 0)
  }
)
