import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { systemNoteText } from "../../../lib/messages"
import { CustomerAccountEvents, UserAccountEvents } from "../../../modules/account-security/events"
import { createCustomerNotesWorkflow } from "../../customer-note"
import { clearLoginThrottleStep } from "../steps/clear-login-throttle"

export type UnblockLoginIpWorkflowInput = {
  /** The canonical IP (see lib/ip-address). */
  ip: string
  /** The customer on whose page the block was lifted (gets the system note). */
  customer_id?: string | null
  /** The Back Office user on whose page the block was lifted. */
  user_id?: string | null
  admin: { id: string; label: string }
}

export const unblockLoginIpWorkflowId = "cam-unblock-login-ip"

/**
 * Lifts the failed-login block on an IP (for every identifier: the block is
 * the IP's) and clears its count on an admin's behalf. On a customer's page
 * it leaves a system note ("Login block on IP <ip> lifted by <admin>", or
 * "Failed-login count of IP <ip> reset by <admin>" when it was not blocked)
 * and emits `customer_account.ip_unblocked` (the note keeps its text as a
 * message key too, for the admin to show in each viewer's language); on a
 * user's page it emits `user_account.ip_unblocked`. If the note cannot be
 * written, the block is put back. The caller checks that the account was tried from that IP.
 *
 * @example
 * const { result } = await unblockLoginIpWorkflow(container).run({
 *   input: { customer_id: "cus_1", ip: "203.0.113.9", admin: { id: "user_1", label: "Ada" } },
 * })
 * result.was_locked // true when a block was lifted
 */
export const unblockLoginIpWorkflow = createWorkflow(
  unblockLoginIpWorkflowId,
  (input: UnblockLoginIpWorkflowInput) => {
    const key = transform({ input }, ({ input }) => ({ scope: "ip" as const, key: input.ip }))
    const cleared = clearLoginThrottleStep(key)

    when({ input }, ({ input }) => !!input.customer_id).then(() => {
      const notes = transform({ input, cleared }, ({ input, cleared }) => [
        {
          customer_id: input.customer_id!,
          author_id: input.admin.id,
          ...systemNoteText(cleared.was_locked ? "systemNotes.ipUnblocked" : "systemNotes.ipCountReset", {
            ip: input.ip,
            admin: input.admin.label,
          }),
          is_system: true,
        },
      ])
      createCustomerNotesWorkflow.runAsStep({ input: { notes } })
    })

    const eventData = transform({ input, cleared }, ({ input, cleared }) => ({
      ip: input.ip,
      customer_id: input.customer_id ?? null,
      user_id: input.user_id ?? null,
      actor_id: input.admin.id,
      was_blocked: cleared.was_locked,
    }))
    when({ input }, ({ input }) => !!input.customer_id).then(() => {
      emitEventStep({ eventName: CustomerAccountEvents.IP_UNBLOCKED, data: eventData }).config({
        name: "cam-emit-customer-ip-unblocked",
      })
    })
    when({ input }, ({ input }) => !!input.user_id).then(() => {
      emitEventStep({ eventName: UserAccountEvents.IP_UNBLOCKED, data: eventData }).config({
        name: "cam-emit-user-ip-unblocked",
      })
    })

    return new WorkflowResponse(cleared)
  }
)
