import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerAccountEvents } from "../../../modules/account-security/events"
import { createCustomerNotesWorkflow } from "../../customer-note"
import { clearLoginThrottleStep } from "../steps/clear-login-throttle"

export type UnblockCustomerIpWorkflowInput = {
  /** The customer on whose page the block was lifted (the note goes there). */
  customer_id: string
  ip: string
  admin: { id: string; label: string }
}

export const unblockCustomerIpWorkflowId = "cam-unblock-customer-ip"

/**
 * Lifts the failed-login block on an IP (for every identifier: the block is
 * the IP's) and clears its count on an admin's behalf, leaves a note on the
 * customer ("Login block on IP <ip> lifted by <admin>", or "Failed-login
 * count of IP <ip> reset by <admin>" when it was not blocked) and emits
 * `customer_account.ip_unblocked`. If the note cannot be written, the block
 * is put back. The caller checks that the customer was tried from that IP.
 *
 * @example
 * const { result } = await unblockCustomerIpWorkflow(container).run({
 *   input: { customer_id: "cus_1", ip: "203.0.113.9", admin: { id: "user_1", label: "Ada" } },
 * })
 * result.was_locked // true when a block was lifted
 */
export const unblockCustomerIpWorkflow = createWorkflow(
  unblockCustomerIpWorkflowId,
  (input: UnblockCustomerIpWorkflowInput) => {
    const key = transform({ input }, ({ input }) => ({ scope: "ip" as const, key: input.ip }))
    const cleared = clearLoginThrottleStep(key)

    const notes = transform({ input, cleared }, ({ input, cleared }) => [
      {
        customer_id: input.customer_id,
        author_id: input.admin.id,
        body: cleared.was_locked
          ? `Login block on IP ${input.ip} lifted by ${input.admin.label}`
          : `Failed-login count of IP ${input.ip} reset by ${input.admin.label}`,
      },
    ])
    createCustomerNotesWorkflow.runAsStep({ input: { notes } })

    emitEventStep({
      eventName: CustomerAccountEvents.IP_UNBLOCKED,
      data: transform({ input, cleared }, ({ input, cleared }) => ({
        ip: input.ip,
        customer_id: input.customer_id,
        actor_id: input.admin.id,
        was_blocked: cleared.was_locked,
      })),
    })

    return new WorkflowResponse(cleared)
  }
)
