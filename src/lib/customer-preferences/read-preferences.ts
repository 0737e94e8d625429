import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CustomerPreferences } from "../../types/customer-preference"

type Address = { id: string; is_default_shipping: boolean; is_default_billing: boolean }

const iso = (value: unknown): string | null =>
  value ? new Date(value as string).toISOString() : null

/**
 * A customer's preferences as the API shows them: the stored row (defaults
 * when none) plus the default addresses read from Medusa's own flags.
 * Null when the customer does not exist.
 */
export async function readCustomerPreferences(
  scope: MedusaContainer,
  customerId: string,
  { withShippingOption = false } = {}
): Promise<CustomerPreferences | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: [
      "id",
      "preference.*",
      "addresses.id",
      "addresses.is_default_shipping",
      "addresses.is_default_billing",
    ],
    filters: { id: customerId },
  })
  if (!customer) {
    return null
  }
  const stored = (customer as unknown as { preference?: Record<string, unknown> | null }).preference ?? null
  const addresses = (customer.addresses ?? []) as Address[]
  const optionId = (stored?.preferred_shipping_option_id as string | null) ?? null

  const preferences: CustomerPreferences = {
    customer_id: customer.id,
    locale: (stored?.locale as string | null) ?? null,
    preferred_shipping_option_id: optionId,
    default_shipping_address_id: addresses.find((a) => a.is_default_shipping)?.id ?? null,
    default_billing_address_id: addresses.find((a) => a.is_default_billing)?.id ?? null,
    communication: {
      email_marketing: Boolean(stored?.email_marketing),
      email_marketing_updated_at: iso(stored?.email_marketing_updated_at),
      sms_marketing: Boolean(stored?.sms_marketing),
      sms_marketing_updated_at: iso(stored?.sms_marketing_updated_at),
    },
    created_at: iso(stored?.created_at),
    updated_at: iso(stored?.updated_at),
  }

  if (withShippingOption) {
    preferences.shipping_option = null
    if (optionId) {
      const {
        data: [option],
      } = await query.graph({
        entity: "shipping_option",
        fields: ["id", "name", "price_type"],
        filters: { id: optionId },
      })
      preferences.shipping_option = option
        ? { id: option.id, name: option.name, price_type: option.price_type }
        : null
    }
  }
  return preferences
}

/**
 * The locale the plugin's e-mails should use for a customer: their
 * preference, else the store's first supported locale, else null.
 */
export async function notificationLocale(
  scope: MedusaContainer,
  customerId: string | null | undefined
): Promise<string | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  if (customerId) {
    const {
      data: [customer],
    } = await query.graph({
      entity: "customer",
      fields: ["preference.locale"],
      filters: { id: customerId },
    })
    const locale = (customer as unknown as { preference?: { locale?: string | null } } | undefined)
      ?.preference?.locale
    if (locale) {
      return locale
    }
  }
  const {
    data: [store],
  } = await query.graph({ entity: "store", fields: ["supported_locales.locale_code"] })
  return store?.supported_locales?.[0]?.locale_code ?? null
}
