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

export type UnblockLoginIpWorkflowInput = {
  /** The canonical IP (see lib/ip-address). */
  ip: string
  /** The customer on whose page the block was lifted (their activity timeline records it). */
  customer_id?: string | null
  /** The Back Office user on whose page the block was lifted. */
  user_id?: string | null
  admin: { id: string; label: string }
}

export const unblockLoginIpWorkflowId = "cam-unblock-login-ip"

/**
 * Lifts the failed-login block on an IP (for every identifier: the block is
 * the IP's) and clears its count on an admin's behalf. On a customer's page
 * it emits `customer_account.ip_unblocked` (`was_blocked` false when only a
 * count was reset), which the activity timeline records; on a user's page
 * `user_account.ip_unblocked`. The caller checks that the account was tried
 * from that IP.
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

    const eventData = transform({ input, cleared }, ({ input, cleared }) => ({
      event_id: randomUUID(),
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
