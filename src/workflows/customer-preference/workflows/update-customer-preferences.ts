import { randomUUID } from "node:crypto"
import {
  createHook,
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerPreferenceEvents } from "../../../lib/events"
import { setDefaultAddressesStep } from "../steps/set-default-addresses"
import { upsertCustomerPreferencesStep } from "../steps/upsert-customer-preferences"
import { validateCustomerPreferencesStep } from "../steps/validate-customer-preferences"
import type { UpdateCustomerPreferencesInput } from "../types"

export const updateCustomerPreferencesWorkflowId = "cam-update-customer-preferences"

/**
 * Partially updates a customer's preferences: validates every reference,
 * stores locale, shipping option and consents, and sets Medusa's default
 * address flags. Emits `customer_preference.updated` with what changed
 * (`changes: { field, from, to }[]`) and who changed it.
 *
 * @example
 * await updateCustomerPreferencesWorkflow(container).run({
 *   input: { customer_id: "cus_1", update: { locale: "de-DE", communication: { email_marketing: true } } },
 * })
 */
export const updateCustomerPreferencesWorkflow = createWorkflow(
  updateCustomerPreferencesWorkflowId,
  (input: UpdateCustomerPreferencesInput) => {
    const update = validateCustomerPreferencesStep(input)
    const upserted = upsertCustomerPreferencesStep(
      transform({ input, update }, ({ input, update }) => ({
        customer_id: input.customer_id,
        update,
      }))
    )
    const stored = transform({ upserted }, ({ upserted }) => upserted.preferences)
    setDefaultAddressesStep(
      transform({ input }, ({ input }) => ({
        customer_id: input.customer_id,
        default_shipping_address_id: input.update.default_shipping_address_id,
        default_billing_address_id: input.update.default_billing_address_id,
      }))
    )
    emitEventStep({
      eventName: CustomerPreferenceEvents.UPDATED,
      data: transform({ input, upserted }, ({ input, upserted }) => ({
        event_id: randomUUID(),
        customer_id: input.customer_id,
        actor_type: input.actor?.type ?? "system",
        actor_id: input.actor?.id ?? null,
        changes: [
          ...upserted.changes,
          ...(["default_shipping_address_id", "default_billing_address_id"] as const)
            .filter((field) => input.update[field] !== undefined)
            .map((field) => ({ field, from: null, to: input.update[field] })),
        ],
      })),
    })
    const preferencesUpdated = createHook("preferencesUpdated", {
      customer_id: input.customer_id,
      preferences: stored,
    })
    return new WorkflowResponse(stored, { hooks: [preferencesUpdated] })
  }
)
