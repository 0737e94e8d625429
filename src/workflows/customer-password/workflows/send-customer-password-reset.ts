import { randomUUID } from "node:crypto"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  emitEventStep,
  generateResetPasswordTokenWorkflow,
} from "@medusajs/medusa/core-flows"
import { CustomerPasswordEvents } from "../../../lib/events"
import { adminResetMetadata } from "../../../lib/password-reset/reset-request"

export type SendCustomerPasswordResetWorkflowInput = {
  customer_id: string
  entity_id: string
  admin: { id: string; label: string }
  /** The app's JWT settings (`projectConfig.http`), to sign the reset token. */
  jwt: { secret: string; options?: Record<string, unknown> }
}

export const sendCustomerPasswordResetWorkflowId = "cam-send-customer-password-reset"

/**
 * Starts Medusa's own reset flow for a customer on an admin's behalf: a reset
 * token is generated and `auth.password_reset` emitted (the plugin's
 * subscriber e-mails the link), and emits
 * `customer_account.password_reset_sent` with the admin's id (the activity
 * timeline records it).
 *
 * @example
 * await sendCustomerPasswordResetWorkflow(container).run({
 *   input: { customer_id: "cus_1", entity_id: "jane@example.com", admin: { id: "user_1", label: "Ada" }, jwt: { secret } },
 * })
 */
export const sendCustomerPasswordResetWorkflow = createWorkflow(
  sendCustomerPasswordResetWorkflowId,
  (input: SendCustomerPasswordResetWorkflowInput) => {
    const tokenInput = transform({ input }, ({ input }) => ({
      entityId: input.entity_id,
      actorType: "customer",
      provider: "emailpass",
      secret: input.jwt.secret,
      jwtOptions: input.jwt.options,
      // Signed: the e-mail and the timeline believe only this (lib/password-reset/reset-request.ts).
      metadata: adminResetMetadata(input.jwt.secret, input.entity_id),
    }))
    generateResetPasswordTokenWorkflow.runAsStep({ input: tokenInput })

    emitEventStep({
      eventName: CustomerPasswordEvents.PASSWORD_RESET_SENT,
      data: transform({ input }, ({ input }) => ({
        event_id: randomUUID(),
        customer_id: input.customer_id,
        actor_id: input.admin.id,
      })),
    })
    return new WorkflowResponse(void 0)
  }
)
