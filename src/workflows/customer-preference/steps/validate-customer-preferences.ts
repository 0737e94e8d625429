import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { UpdateCustomerPreferences } from "../../../types/customer-preference"
import type { UpdateCustomerPreferencesInput } from "../types"

export const validateCustomerPreferencesStepId = "cam-validate-customer-preferences"

const invalid = (field: string, message: string) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: ${message}`)

/** Names of ISO 639 languages; `undefined` for a language subtag that is none (fallback "none"). */
const KNOWN_LANGUAGES = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" })

/** The store's spelling of a supported locale, or the canonical tag when the store lists none. */
async function resolveLocale(
  query: { graph: Function },
  locale: string
): Promise<string> {
  let canonical: string
  try {
    ;[canonical] = Intl.getCanonicalLocales(locale)
  } catch {
    throw invalid("locale", `"${locale}" is not a well-formed BCP 47 language tag`)
  }
  const {
    data: [store],
  } = await query.graph({ entity: "store", fields: ["supported_locales.locale_code"] })
  const supported: string[] = (store?.supported_locales ?? []).map(
    (entry: { locale_code: string }) => entry.locale_code
  )
  if (!supported.length) {
    // Any language there is, but a language: `german` is a well-formed tag
    // (a 6-letter subtag) that names none.
    if (!KNOWN_LANGUAGES.of(new Intl.Locale(canonical).language)) {
      throw invalid("locale", `"${locale}" names no language Medusa knows; use a tag such as "de-DE" or "en"`)
    }
    return canonical
  }
  const match = supported.find((code) => code.toLowerCase() === canonical.toLowerCase())
  if (!match) {
    throw invalid(
      "locale",
      `"${locale}" is not one of the store's locales (${supported.join(", ")})`
    )
  }
  return match
}

/**
 * Checks every reference before anything is written: the locale is one the
 * store supports, the shipping option exists and is not a return option, and
 * default addresses belong to this customer. Messages start with the field.
 * Returns the update with the locale in the store's spelling.
 */
export async function validateCustomerPreferences(
  container: MedusaContainer,
  customer_id: string,
  update: UpdateCustomerPreferences
): Promise<UpdateCustomerPreferences> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const normalized = { ...update }

  if (typeof update.locale === "string") {
    normalized.locale = await resolveLocale(query, update.locale)
  }

  const optionId = update.preferred_shipping_option_id
  if (typeof optionId === "string") {
    const {
      data: [option],
    } = await query.graph({
      entity: "shipping_option",
      fields: ["id", "rules.attribute", "rules.value"],
      filters: { id: optionId },
    })
    if (!option) {
      throw invalid("preferred_shipping_option_id", `shipping option ${optionId} does not exist`)
    }
    const isReturn = (option.rules ?? []).some(
      (rule: { attribute: string; value: unknown } | null) =>
        rule?.attribute === "is_return" && String(rule.value) === "true"
    )
    if (isReturn) {
      throw invalid(
        "preferred_shipping_option_id",
        `shipping option ${optionId} is a return option`
      )
    }
  }

  const customerModule = container.resolve(Modules.CUSTOMER)
  for (const field of ["default_shipping_address_id", "default_billing_address_id"] as const) {
    const addressId = update[field]
    if (typeof addressId !== "string") {
      continue
    }
    const [address] = await customerModule.listCustomerAddresses(
      { id: addressId, customer_id },
      { select: ["id"] }
    )
    if (!address) {
      throw invalid(field, `address ${addressId} is not an address of this customer`)
    }
  }

  return normalized
}

/** {@link validateCustomerPreferences} as the first step of the update workflow. */
export const validateCustomerPreferencesStep = createStep(
  validateCustomerPreferencesStepId,
  async ({ customer_id, update }: UpdateCustomerPreferencesInput, { container }) =>
    new StepResponse(await validateCustomerPreferences(container, customer_id, update))
)
