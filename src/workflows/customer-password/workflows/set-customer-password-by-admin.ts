import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createCustomerNotesWorkflow } from "../../customer-note"
import { CustomerPasswordEvents } from "../events"
import { rememberPasswordStep } from "../steps/remember-password"
import { setEmailpassPasswordStep } from "../steps/set-emailpass-password"

export type SetCustomerPasswordByAdminWorkflowInput = {
  customer_id: string
  entity_id: string
  /** Already checked against the password policy by the caller. */
  password: string
  admin: { id: string; label: string }
}

export const setCustomerPasswordByAdminWorkflowId = "cam-set-customer-password-by-admin"

/**
 * Sets a customer's password on an admin's behalf, records it in the
 * history, leaves an automatic note ("Password set by <admin>") and emits
 * `customer_account.password_set_by_admin`.
 *
 * @example
 * await setCustomerPasswordByAdminWorkflow(container).run({
 *   input: { customer_id: "cus_1", entity_id: "jane@example.com", password: "…", admin: { id: "user_1", label: "Ada" } },
 * })
 */
export const setCustomerPasswordByAdminWorkflow = createWorkflow(
  setCustomerPasswordByAdminWorkflowId,
  (input: SetCustomerPasswordByAdminWorkflowInput) => {
    setEmailpassPasswordStep({ entity_id: input.entity_id, password: input.password })
    rememberPasswordStep({ entity_id: input.entity_id })

    const notes = transform({ input }, ({ input }) => [
      {
        customer_id: input.customer_id,
        author_id: input.admin.id,
        body: `Password set by ${input.admin.label}`,
      },
    ])
    createCustomerNotesWorkflow.runAsStep({ input: { notes } })

    emitEventStep({
      eventName: CustomerPasswordEvents.PASSWORD_SET_BY_ADMIN,
      data: transform({ input }, ({ input }) => ({
        customer_id: input.customer_id,
        actor_id: input.admin.id,
      })),
    })
    return new WorkflowResponse(void 0)
  }
)
