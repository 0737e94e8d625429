import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerAccountEvents } from "../../../modules/account-security/events"
import { createCustomerNotesWorkflow } from "../../customer-note"
import { clearLoginThrottleStep } from "../steps/clear-login-throttle"

export type UnlockCustomerAccountWorkflowInput = {
  customer_id: string
  /** The customer's normalized e-mail, as the lockout counts it. */
  identifier: string
  admin: { id: string; label: string }
}

export const unlockCustomerAccountWorkflowId = "cam-unlock-customer-account"

/**
 * Lifts a customer's failed-login lock and clears the counters on an admin's
 * behalf, leaves a note ("Account unlocked by <admin>", or "Failed-login
 * counters reset by <admin>" when nothing was locked) and emits
 * `customer_account.unlocked`. If the note cannot be written, the lock is
 * put back.
 *
 * @example
 * const { result } = await unlockCustomerAccountWorkflow(container).run({
 *   input: { customer_id: "cus_1", identifier: "jane@example.com", admin: { id: "user_1", label: "Ada" } },
 * })
 * result.was_locked // true when a lock was lifted
 */
export const unlockCustomerAccountWorkflow = createWorkflow(
  unlockCustomerAccountWorkflowId,
  (input: UnlockCustomerAccountWorkflowInput) => {
    const key = transform({ input }, ({ input }) => ({ scope: "identifier" as const, key: input.identifier }))
    const cleared = clearLoginThrottleStep(key)

    const notes = transform({ input, cleared }, ({ input, cleared }) => [
      {
        customer_id: input.customer_id,
        author_id: input.admin.id,
        body: cleared.was_locked
          ? `Account unlocked by ${input.admin.label}`
          : `Failed-login counters reset by ${input.admin.label}`,
      },
    ])
    createCustomerNotesWorkflow.runAsStep({ input: { notes } })

    emitEventStep({
      eventName: CustomerAccountEvents.UNLOCKED,
      data: transform({ input }, ({ input }) => ({
        identifier: input.identifier,
        customer_id: input.customer_id,
        actor_id: input.admin.id,
        reason: "admin",
      })),
    })

    return new WorkflowResponse(cleared)
  }
)
