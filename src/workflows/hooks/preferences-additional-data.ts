import {
  createCustomersWorkflow,
  deleteCustomersWorkflow,
  updateCustomersWorkflow,
} from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { UpdateCustomerPreferences } from "../../types/customer-preference"
import { readCustomerPreferences } from "../../lib/customer-preferences/read-preferences"
import {
  deleteCustomerPreferencesWorkflow,
  updateCustomerPreferencesWorkflow,
} from "../customer-preference"

type AdditionalData = { preferences?: UpdateCustomerPreferences } | undefined

const preferencesOf = (additionalData: unknown): UpdateCustomerPreferences | undefined =>
  (additionalData as AdditionalData)?.preferences

async function applyPreferences(
  container: MedusaContainer,
  customerIds: string[],
  update: UpdateCustomerPreferences
): Promise<void> {
  for (const customer_id of customerIds) {
    await updateCustomerPreferencesWorkflow(container).run({ input: { customer_id, update } })
  }
}

/** What a customer's preferences were, as an update that puts them back. */
async function snapshotAsUpdate(
  container: MedusaContainer,
  customerId: string
): Promise<UpdateCustomerPreferences | null> {
  const current = await readCustomerPreferences(container, customerId)
  if (!current) {
    return null
  }
  return {
    locale: current.locale,
    preferred_shipping_option_id: current.preferred_shipping_option_id,
    default_shipping_address_id: current.default_shipping_address_id,
    default_billing_address_id: current.default_billing_address_id,
    communication: {
      email_marketing: current.communication.email_marketing,
      sms_marketing: current.communication.sms_marketing,
    },
  }
}

// `POST /admin/customers` with `additional_data.preferences`. A refused
// preference fails the hook, and Medusa then removes the new customer.
createCustomersWorkflow.hooks.customersCreated(
  async ({ customers, additional_data }, { container }) => {
    const update = preferencesOf(additional_data)
    if (!update) {
      return new StepResponse(void 0, [] as string[])
    }
    const ids = customers.map((customer) => customer.id)
    await applyPreferences(container, ids, update)
    return new StepResponse(void 0, ids)
  },
  async (customerIds, { container }) => {
    if (!customerIds?.length) {
      return
    }
    await deleteCustomerPreferencesWorkflow(container).run({
      input: { customer_ids: customerIds },
    })
  }
)

// `POST /admin/customers/:id` with `additional_data.preferences`.
updateCustomersWorkflow.hooks.customersUpdated(
  async ({ customers, additional_data }, { container }) => {
    const update = preferencesOf(additional_data)
    if (!update) {
      return new StepResponse(void 0, [] as { customer_id: string; update: UpdateCustomerPreferences }[])
    }
    const previous: { customer_id: string; update: UpdateCustomerPreferences }[] = []
    for (const customer of customers) {
      const snapshot = await snapshotAsUpdate(container, customer.id)
      if (snapshot) {
        previous.push({ customer_id: customer.id, update: snapshot })
      }
    }
    await applyPreferences(
      container,
      customers.map((customer) => customer.id),
      update
    )
    return new StepResponse(void 0, previous)
  },
  async (previous, { container }) => {
    for (const { customer_id, update } of previous ?? []) {
      await updateCustomerPreferencesWorkflow(container).run({ input: { customer_id, update } })
    }
  }
)

// Deleting a customer deletes their preferences.
deleteCustomersWorkflow.hooks.customersDeleted(async ({ ids }, { container }) => {
  await deleteCustomerPreferencesWorkflow(container).run({ input: { customer_ids: ids } })
  return new StepResponse(void 0, ids)
})
