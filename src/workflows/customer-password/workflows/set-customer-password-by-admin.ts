import { randomUUID } from "node:crypto"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { revokeAccountSessionsWorkflow } from "../../account-session"
import { CustomerPasswordEvents } from "../../../lib/events"
import { assertAdminMaySetPasswordStep } from "../steps/assert-admin-may-set-password"
import { rememberPasswordStep } from "../steps/remember-password"
import { setEmailpassPasswordStep } from "../steps/set-emailpass-password"
import { validatePasswordPolicyStep } from "../steps/validate-password-policy"
import { voidPasswordResetTokensStep } from "../steps/void-password-reset-tokens"

export type SetCustomerPasswordByAdminWorkflowInput = {
  customer_id: string
  entity_id: string
  password: string
  admin: { id: string; label: string }
}

export const setCustomerPasswordByAdminWorkflowId = "cam-set-customer-password-by-admin"

/**
 * Sets a customer's password on an admin's behalf: refuses unless the
 * merchant enabled `allowAdminSetPassword`, refuses a password the policy
 * rejects, stores it, voids every outstanding reset link, records it in the
 * history, and emits `customer_account.password_set_by_admin` with the
 * admin's id (the activity timeline records it).
 *
 * @example
 * await setCustomerPasswordByAdminWorkflow(container).run({
 *   input: { customer_id: "cus_1", entity_id: "jane@example.com", password: "…", admin: { id: "user_1", label: "Ada" } },
 * })
 */
export const setCustomerPasswordByAdminWorkflow = createWorkflow(
  setCustomerPasswordByAdminWorkflowId,
  (input: SetCustomerPasswordByAdminWorkflowInput) => {
    assertAdminMaySetPasswordStep()
    validatePasswordPolicyStep({ entity_id: input.entity_id, password: input.password })
    setEmailpassPasswordStep({ entity_id: input.entity_id, password: input.password })
    voidPasswordResetTokensStep({ entity_id: input.entity_id })
    rememberPasswordStep({ entity_id: input.entity_id })
    // Whoever knew the old password is signed out: every session ends.
    revokeAccountSessionsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        entity_id: input.entity_id,
        reason: "password_set_by_admin" as const,
        by: `user:${input.admin.id}`,
      })),
    })

    emitEventStep({
      eventName: CustomerPasswordEvents.PASSWORD_SET_BY_ADMIN,
      data: transform({ input }, ({ input }) => ({
        event_id: randomUUID(),
        customer_id: input.customer_id,
        actor_id: input.admin.id,
      })),
    })
    return new WorkflowResponse(void 0)
  }
)
