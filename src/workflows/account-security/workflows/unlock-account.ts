import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { systemNoteText, type SystemNoteText } from "../../../lib/messages"
import { CustomerAccountEvents, UserAccountEvents } from "../../../modules/account-security/events"
import { createCustomerNotesWorkflow } from "../../customer-note"
import { clearLoginThrottleStep } from "../steps/clear-login-throttle"

/** Who lifts a lock: an admin, or the account holder by completing a password reset. */
export type UnlockActor =
  | { type: "admin"; id: string; label: string }
  | { type: "password_reset" }

export type UnlockAccountWorkflowInput = {
  /** The normalized e-mail, as the lockout counts it. */
  identifier: string
  /** The customer account behind it (gets the audit note and the customer event). */
  customer_id?: string | null
  /** The Back Office user behind it (gets the user event). */
  user_id?: string | null
  actor: UnlockActor
}

export const unlockAccountWorkflowId = "cam-unlock-account"

const unlockNote = (actor: UnlockActor, wasLocked: boolean): SystemNoteText =>
  actor.type === "password_reset"
    ? systemNoteText("systemNotes.accountUnlockedByPasswordReset", {})
    : wasLocked
      ? systemNoteText("systemNotes.accountUnlocked", { admin: actor.label })
      : systemNoteText("systemNotes.lockCountersReset", { admin: actor.label })

/**
 * Lifts a failed-login lock and clears the identifier's counters. An admin's
 * unlock always leaves a system note on the customer ("Account unlocked by
 * <admin>", or "Failed-login counters reset by <admin>" when nothing was
 * locked) and emits `customer_account.unlocked` / `user_account.unlocked`; a
 * completed password reset does so only when it lifted a lock. The note
 * keeps its text as a message key too, for the admin to show in each
 * viewer's language. If the note cannot be written, the lock is put back.
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

    when({ audited }, ({ audited }) => audited.customer).then(() => {
      const notes = transform({ input, cleared }, ({ input, cleared }) => [
        {
          customer_id: input.customer_id!,
          author_id: input.actor.type === "admin" ? input.actor.id : "system",
          ...unlockNote(input.actor, cleared.was_locked),
          is_system: true,
        },
      ])
      createCustomerNotesWorkflow.runAsStep({ input: { notes } })
    })

    const eventData = transform({ input }, ({ input }) => ({
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
