import type {
  CustomerPreferences,
  UpdateCustomerPreferences,
} from "../../../types/customer-preference"

/** What the preferences drawer edits; `null` means "none". */
export type PreferencesFormValues = {
  locale: string | null
  preferred_shipping_option_id: string | null
  default_shipping_address_id: string | null
  default_billing_address_id: string | null
  email_marketing: boolean
  sms_marketing: boolean
}

export type PreferencesField = keyof PreferencesFormValues

export type PreferencesFieldErrors = Partial<Record<PreferencesField, string>>

export const toFormValues = (
  preferences: CustomerPreferences
): PreferencesFormValues => ({
  locale: preferences.locale,
  preferred_shipping_option_id: preferences.preferred_shipping_option_id,
  default_shipping_address_id: preferences.default_shipping_address_id,
  default_billing_address_id: preferences.default_billing_address_id,
  email_marketing: preferences.communication.email_marketing,
  sms_marketing: preferences.communication.sms_marketing,
})

const TOP_LEVEL_FIELDS = [
  "locale",
  "preferred_shipping_option_id",
  "default_shipping_address_id",
  "default_billing_address_id",
] as const satisfies readonly PreferencesField[]

const COMMUNICATION_FIELDS = [
  "email_marketing",
  "sms_marketing",
] as const satisfies readonly PreferencesField[]

/**
 * The update body with only the fields that differ from `initial`: a field
 * left alone is not sent, so it cannot overwrite a colleague's change made
 * while the drawer was open. Empty when nothing changed.
 */
export const getPreferencesChanges = (
  initial: PreferencesFormValues,
  values: PreferencesFormValues
): UpdateCustomerPreferences => {
  const changes: UpdateCustomerPreferences = {}

  for (const field of TOP_LEVEL_FIELDS) {
    if (values[field] !== initial[field]) {
      changes[field] = values[field]
    }
  }

  const communication: NonNullable<UpdateCustomerPreferences["communication"]> =
    {}
  for (const field of COMMUNICATION_FIELDS) {
    if (values[field] !== initial[field]) {
      communication[field] = values[field]
    }
  }
  if (Object.keys(communication).length > 0) {
    changes.communication = communication
  }

  return changes
}

export const hasPreferencesChanges = (changes: UpdateCustomerPreferences) =>
  Object.keys(changes).length > 0

/** Field names as the API spells them in its messages, to the form's field. */
const SERVER_FIELDS = new Map<string, PreferencesField>([
  ...TOP_LEVEL_FIELDS.map((field) => [field, field] as const),
  ...COMMUNICATION_FIELDS.flatMap((field) => [
    [`communication.${field}`, field] as const,
    [field, field] as const,
  ]),
])

/** "locale: is not a supported locale" -> the field name and the rest. */
const LEADING_FIELD = /^\s*([a-z_]+(?:\.[a-z_]+)*)\s*:\s*([\s\S]*)$/i

/**
 * The form field a validation message is about: the API's 400 messages start
 * with the field's name ("default_shipping_address_id: ..."). Null when the
 * message names no field the form has, so it is shown above the form.
 */
export const matchFieldError = (
  message: string
): { field: PreferencesField; message: string } | null => {
  const match = LEADING_FIELD.exec(message)
  const field = match ? SERVER_FIELDS.get(match[1]) : undefined
  if (!match || !field) {
    return null
  }

  return { field, message: match[2].trim() || message }
}
