/** HTTP shapes of the preferences API (store and admin), shared with the admin widgets. */

export type CustomerCommunicationPreferences = {
  email_marketing: boolean
  /** When the e-mail consent last changed; null when never set. */
  email_marketing_updated_at: string | null
  sms_marketing: boolean
  sms_marketing_updated_at: string | null
}

export type PreferredShippingOption = {
  id: string
  name: string
  price_type: "flat" | "calculated"
}

export type CustomerPreferences = {
  customer_id: string
  /** BCP 47 tag; one of the store's supported locales. */
  locale: string | null
  preferred_shipping_option_id: string | null
  /** Only with `fields=*shipping_option`. */
  shipping_option?: PreferredShippingOption | null
  /** Mirrors Medusa's own `is_default_shipping` flag on the customer's addresses. */
  default_shipping_address_id: string | null
  default_billing_address_id: string | null
  communication: CustomerCommunicationPreferences
  created_at: string | null
  updated_at: string | null
}

export type CustomerPreferencesResponse = { preferences: CustomerPreferences }

/** Partial update: omitted fields stay, `null` clears (inferred from its zod schema). */
export type { UpdateCustomerPreferences } from "../lib/preferences"
