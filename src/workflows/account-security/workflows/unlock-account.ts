import { randomUUID } from "node:crypto"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerAccountEvents, UserAccountEvents } from "../../../lib/events"
import { clearLoginThrottleStep } from "../steps/clear-login-throttle"

/** Who lifts a lock: an admin, or the account holder by completing a password reset. */
export type UnlockActor =
  | { type: "admin"; id: string; label: string }
  | { type: "password_reset" }

export type UnlockAccountWorkflowInput = {
  /** The normalized e-mail, as the lockout counts it. */
  identifier: string
  /** The customer account behind it (gets the customer event, which the activity timeline records). */
  customer_id?: string | null
  /** The Back Office user behind it (gets the user event). */
  user_id?: string | null
  actor: UnlockActor
}

export const unlockAccountWorkflowId = "cam-unlock-account"

/**
 * Lifts a failed-login lock and clears the identifier's counters. An admin's
 * unlock always emits `customer_account.unlocked` / `user_account.unlocked`
 * (`was_locked` false when only counters were reset); a completed password
 * reset does so only when it lifted a lock. The activity timeline records
 * the customer's.
 *
 * @example
 * const { result } = await unlockAccountWorkflow(container).run({
 *   input: {
 *     identifier: "jane@example.com",
 *     customer_id: "cus_1",
 *     actor: { type: "admin", id: "user_1", label: "Ada" },
 *   },
 * })
 * result.was_locked // true when a lock was lifted
 */
export const unlockAccountWorkflow = createWorkflow(
  unlockAccountWorkflowId,
  (input: UnlockAccountWorkflowInput) => {
    const key = transform({ input }, ({ input }) => ({ scope: "identifier" as const, key: input.identifier }))
    const cleared = clearLoginThrottleStep(key)

    const audited = transform({ input, cleared }, ({ input, cleared }) => ({
      customer: !!input.customer_id && (input.actor.type === "admin" || cleared.was_locked),
      user: !!input.user_id && (input.actor.type === "admin" || cleared.was_locked),
    }))

    const eventData = transform({ input, cleared }, ({ input, cleared }) => ({
      event_id: randomUUID(),
      was_locked: cleared.was_locked,
      identifier: input.identifier,
      customer_id: input.customer_id ?? null,
      user_id: input.user_id ?? null,
      actor_id: input.actor.type === "admin" ? input.actor.id : null,
      reason: input.actor.type === "admin" ? "admin" : "password_reset",
    }))
    when({ audited }, ({ audited }) => audited.customer).then(() => {
      emitEventStep({ eventName: CustomerAccountEvents.UNLOCKED, data: eventData }).config({
        name: "cam-emit-customer-unlocked",
      })
    })
    when({ audited }, ({ audited }) => audited.user).then(() => {
      emitEventStep({ eventName: UserAccountEvents.UNLOCKED, data: eventData }).config({
        name: "cam-emit-user-unlocked",
      })
    })

    return new WorkflowResponse(cleared)
  }
)
