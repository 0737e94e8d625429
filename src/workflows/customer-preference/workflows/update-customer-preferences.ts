import {
  createHook,
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerPreferenceEvents } from "../events"
import { setDefaultAddressesStep } from "../steps/set-default-addresses"
import { upsertCustomerPreferencesStep } from "../steps/upsert-customer-preferences"
import { validateCustomerPreferencesStep } from "../steps/validate-customer-preferences"
import type { UpdateCustomerPreferencesInput } from "../types"

export const updateCustomerPreferencesWorkflowId = "cam-update-customer-preferences"

/**
 * Partially updates a customer's preferences: validates every reference,
 * stores locale, shipping option and consents, and sets Medusa's default
 * address flags. Emits `customer_preference.updated`.
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
    const stored = upsertCustomerPreferencesStep(
      transform({ input, update }, ({ input, update }) => ({
        customer_id: input.customer_id,
        update,
      }))
    )
    setDefaultAddressesStep(
      transform({ input }, ({ input }) => ({
        customer_id: input.customer_id,
        default_shipping_address_id: input.update.default_shipping_address_id,
        default_billing_address_id: input.update.default_billing_address_id,
      }))
    )
    emitEventStep({
      eventName: CustomerPreferenceEvents.UPDATED,
      data: transform({ input }, ({ input }) => ({ customer_id: input.customer_id })),
    })
    const preferencesUpdated = createHook("preferencesUpdated", {
      customer_id: input.customer_id,
      preferences: stored,
    })
    return new WorkflowResponse(stored, { hooks: [preferencesUpdated] })
  }
)
