import type { HttpTypes } from "@medusajs/framework/types"
import { useMutation, useQuery } from "@tanstack/react-query"

import type {
  CustomerPreferencesResponse,
  PreferredShippingOption,
  UpdateCustomerPreferences,
} from "../../types/customer-preference"
import {
  customerActivityKeys,
  customerPreferenceKeys,
  preferenceChoiceKeys,
} from "../lib/query-keys"
import {
  useInvalidatingOptions,
  type MutationOptions,
} from "../lib/mutation-options"
import { sdk } from "../lib/sdk"

/** The preferred shipping option comes expanded, to show its name. */
const PREFERENCES_QUERY = { fields: "*shipping_option" }

/** The preferences form offers at most this many shipping options. */
const SHIPPING_OPTIONS_LIMIT = 100

const preferencesPath = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}/preferences`

/**
 * A customer's preferences. The route answers with defaults (nulls, no
 * consents) for a customer who never set any, so this is never empty.
 */
export const useCustomerPreferences = (customerId: string) => {
  const { data, ...rest } = useQuery({
    queryKey: customerPreferenceKeys.detail(customerId),
    queryFn: ({ signal }) =>
      sdk.client.fetch<CustomerPreferencesResponse>(
        preferencesPath(customerId),
        { query: PREFERENCES_QUERY, signal }
      ),
  })

  return { preferences: data?.preferences, ...rest }
}

/** Changes the given fields only; `null` clears one. */
export const useUpdateCustomerPreferences = (
  customerId: string,
  options?: MutationOptions<
    CustomerPreferencesResponse,
    UpdateCustomerPreferences
  >
) => {
  return useMutation({
    mutationFn: (payload: UpdateCustomerPreferences) =>
      sdk.client.fetch<CustomerPreferencesResponse>(
        preferencesPath(customerId),
        { method: "POST", body: payload, query: PREFERENCES_QUERY }
      ),
    ...useInvalidatingOptions(
      [customerPreferenceKeys.detail(customerId)],
      options,
      [customerActivityKeys.customer(customerId)]
    ),
  })
}

/**
 * The language tags the store supports (Settings > Store), in the store's
 * order; empty when it lists none, and then any BCP 47 tag is accepted.
 */
export const useStoreLocales = () => {
  const { data, ...rest } = useQuery({
    queryKey: preferenceChoiceKeys.locales(),
    queryFn: () => sdk.admin.store.list({ fields: "id,*supported_locales" }),
    // An admin has one store.
    select: ({ stores }) =>
      stores[0]?.supported_locales?.map((locale) => locale.locale_code) ?? [],
  })

  return { locales: data, ...rest }
}

/** Return options only serve returns; a customer cannot prefer one. */
const isReturnOption = (option: HttpTypes.AdminShippingOption) =>
  option.rules?.some(
    (rule) => rule.attribute === "is_return" && rule.value === "true"
  ) ?? false

/** The shipping options a customer may prefer (return options left out). */
export const useShippingOptionChoices = () => {
  const { data, ...rest } = useQuery({
    queryKey: preferenceChoiceKeys.shippingOptions(),
    queryFn: () =>
      sdk.admin.shippingOption.list({
        limit: SHIPPING_OPTIONS_LIMIT,
        fields: "id,name,price_type,*rules",
      }),
    select: ({ shipping_options }): PreferredShippingOption[] =>
      shipping_options
        .filter((option) => !isReturnOption(option))
        .map(({ id, name, price_type }) => ({ id, name, price_type })),
  })

  return { shippingOptions: data, ...rest }
}
