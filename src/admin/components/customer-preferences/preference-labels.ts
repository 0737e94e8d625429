import type { AdminCustomerAddress } from "@medusajs/framework/types"

/**
 * The language a BCP 47 tag names, in the dashboard's language ("Deutsch
 * (Deutschland)" for "de-DE" in German), or null when `Intl` cannot name it
 * (an invalid tag, or one it only echoes back).
 */
export const getLanguageName = (
  tag: string,
  displayLocale: string
): string | null => {
  try {
    const name = new Intl.DisplayNames([displayLocale], {
      type: "language",
    }).of(tag)
    return name && name.toLowerCase() !== tag.toLowerCase() ? name : null
  } catch {
    return null
  }
}

/**
 * A tag as the admin typed it, in canonical form ("de-de" -> "de-DE"); null
 * for an empty field, undefined when it is no valid BCP 47 tag.
 */
export const normalizeLanguageTag = (
  text: string
): string | null | undefined => {
  const tag = text.trim()
  if (!tag) {
    return null
  }
  try {
    return Intl.getCanonicalLocales(tag)[0]
  } catch {
    return undefined
  }
}

/** The address's own name, else "address_1, city"; null when all are blank. */
export const getAddressLabel = (
  address: Pick<AdminCustomerAddress, "address_name" | "address_1" | "city">
): string | null => {
  const name = address.address_name?.trim()
  if (name) {
    return name
  }

  const street = [address.address_1, address.city]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(", ")

  return street || null
}
