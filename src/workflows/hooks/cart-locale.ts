import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { readCustomerPreferences } from "../../lib/customer-preferences/read-preferences"

/**
 * A cart created for a logged-in customer without a `locale` gets the
 * customer's preferred locale. Compensation clears it again.
 */
createCartWorkflow.hooks.cartCreated(
  async ({ cart }, { container }) => {
    if (!cart.customer_id || cart.locale) {
      return new StepResponse(void 0, null as string | null)
    }
    const preferences = await readCustomerPreferences(container, cart.customer_id)
    if (!preferences?.locale) {
      return new StepResponse(void 0, null as string | null)
    }
    await container.resolve(Modules.CART).updateCarts(cart.id, { locale: preferences.locale })
    return new StepResponse(void 0, cart.id as string | null)
  },
  async (cartId, { container }) => {
    if (!cartId) {
      return
    }
    await container.resolve(Modules.CART).updateCarts(cartId, { locale: null })
  }
)
