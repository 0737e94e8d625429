import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type SetDefaultAddressesStepInput = {
  customer_id: string
  /** Omitted: leave as is; null: no default; id: make it the only default. */
  default_shipping_address_id?: string | null
  default_billing_address_id?: string | null
}

type Flags = { id: string; is_default_shipping: boolean; is_default_billing: boolean }

const FLAGS = {
  default_shipping_address_id: "is_default_shipping",
  default_billing_address_id: "is_default_billing",
} as const

export const setDefaultAddressesStepId = "cam-set-default-addresses"

/**
 * Sets Medusa's own `is_default_shipping` / `is_default_billing` flags (the
 * single truth for default addresses): the chosen address gets the flag and
 * every other address of the customer loses it. Compensation restores every
 * flag it saw.
 */
export const setDefaultAddressesStep = createStep(
  setDefaultAddressesStepId,
  async (input: SetDefaultAddressesStepInput, { container }) => {
    const wanted = (Object.keys(FLAGS) as (keyof typeof FLAGS)[]).filter(
      (field) => input[field] !== undefined
    )
    if (!wanted.length) {
      return new StepResponse(void 0, null as Flags[] | null)
    }
    const customerModule = container.resolve(Modules.CUSTOMER)
    const addresses = (await customerModule.listCustomerAddresses(
      { customer_id: input.customer_id },
      { select: ["id", "is_default_shipping", "is_default_billing"] }
    )) as Flags[]

    for (const field of wanted) {
      const flag = FLAGS[field]
      const target = input[field]
      // Unset first: Medusa allows one default of each kind per customer.
      const others = addresses.filter((a) => a[flag] && a.id !== target).map((a) => a.id)
      if (others.length) {
        await customerModule.updateCustomerAddresses(others, { [flag]: false })
      }
      if (target && !addresses.find((a) => a.id === target)?.[flag]) {
        await customerModule.updateCustomerAddresses(target, { [flag]: true })
      }
    }
    return new StepResponse(void 0, addresses)
  },
  async (snapshot, { container }) => {
    if (!snapshot?.length) {
      return
    }
    const customerModule = container.resolve(Modules.CUSTOMER)
    for (const flag of ["is_default_shipping", "is_default_billing"] as const) {
      const off = snapshot.filter((a) => !a[flag]).map((a) => a.id)
      const on = snapshot.filter((a) => a[flag]).map((a) => a.id)
      if (off.length) await customerModule.updateCustomerAddresses(off, { [flag]: false })
      if (on.length) await customerModule.updateCustomerAddresses(on, { [flag]: true })
    }
  }
)
