import type { AdminCustomer } from "@medusajs/framework/types"
import { Heading, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"

import type { CustomerPreferences } from "../../../types/customer-preference"
import {
  useShippingOptionChoices,
  useStoreLocales,
  useUpdateCustomerPreferences,
} from "../../hooks/customer-preferences"
import { toIntlLocale } from "../../lib/date-format"
import { namesLanguage } from "../../lib/known-locales"
import { FormDrawer } from "../common/form-drawer"
import { SwitchField } from "../common/form-field"
import { LanguageTagField } from "./language-tag-field"
import {
  PreferenceChoiceField,
  type PreferenceChoice,
} from "./preference-choice-field"
import {
  getAddressLabel,
  getLanguageName,
  normalizeLanguageTag,
} from "./preference-labels"
import {
  getPreferencesChanges,
  hasPreferencesChanges,
  matchFieldError,
  toFormValues,
  type PreferencesField,
  type PreferencesFieldErrors,
  type PreferencesFormValues,
} from "./preferences-form"

type EditPreferencesDrawerProps = {
  customer: AdminCustomer
  preferences: CustomerPreferences
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Drawer to change a customer's language, shipping and contact choices. */
export const EditPreferencesDrawer = ({
  customer,
  preferences,
  open,
  onOpenChange,
}: EditPreferencesDrawerProps) => {
  const { t } = useTranslation()

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("customerAccounts.preferences.edit.title")}
      description={t("customerAccounts.preferences.edit.description")}
    >
      <EditPreferencesForm customer={customer} preferences={preferences} />
    </FormDrawer>
  )
}

type EditPreferencesFormProps = {
  customer: AdminCustomer
  preferences: CustomerPreferences
}

const EditPreferencesForm = ({
  customer,
  preferences,
}: EditPreferencesFormProps) => {
  const { t } = useTranslation()
  // The values the drawer opened with: only what differs from them is sent.
  const [initial] = useState(() => toFormValues(preferences))
  const [values, setValues] = useState(initial)
  // A typed language tag, for when the store lists no languages to choose.
  const [localeText, setLocaleText] = useState(initial.locale ?? "")
  const [fieldErrors, setFieldErrors] = useState<PreferencesFieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)

  const { mutateAsync, isPending } = useUpdateCustomerPreferences(customer.id)

  const localeChoices = useLocaleChoices(initial.locale)
  const shippingChoices = useShippingChoices(preferences)
  const addressChoices = useAddressChoices(customer, initial)

  const setField = <TField extends PreferencesField>(
    field: TField,
    value: PreferencesFormValues[TField]
  ) => {
    setValues((current) => ({ ...current, [field]: value }))
    // An error is about the value that was sent, not the new one.
    setFieldErrors(({ [field]: _cleared, ...rest }) => rest)
  }

  const handleLocaleTextChange = (text: string) => {
    setLocaleText(text)
    setFieldErrors(({ locale: _cleared, ...rest }) => rest)
  }

  /** The values to save; undefined while the typed tag is invalid. */
  const readValues = (): PreferencesFormValues | undefined => {
    if (localeChoices.mode !== "text") {
      return values
    }
    const locale = normalizeLanguageTag(localeText)
    // Well-formed is not enough: the server refuses a tag that names no language (`german`).
    if (locale === undefined || (locale !== null && !namesLanguage(locale))) {
      return undefined
    }
    return { ...values, locale }
  }

  const current = readValues()
  const changes = current ? getPreferencesChanges(initial, current) : null
  // An invalid typed tag counts as a change: Save then says what is wrong.
  const hasChanges = changes === null || hasPreferencesChanges(changes)

  const save = () => {
    if (!changes) {
      setFieldErrors((errors) => ({
        ...errors,
        locale: t("customerAccounts.preferences.edit.invalidLocale"),
      }))
      return
    }

    setFormError(null)
    return mutateAsync(changes, {
      onError: (error) => {
        if (error.status !== 400) {
          toast.error(error.message)
          return
        }
        // Validation errors stay in the drawer, next to their field.
        const fieldError = matchFieldError(error.message)
        if (fieldError) {
          setFieldErrors((errors) => ({
            ...errors,
            [fieldError.field]: fieldError.message,
          }))
        } else {
          setFormError(error.message)
        }
      },
    })
  }

  return (
    <FormDrawer.Form
      onSubmit={save}
      successMessage={t("customerAccounts.preferences.toasts.updated")}
      isPending={isPending}
      isDirty={hasChanges}
      canSubmit={hasChanges}
      error={formError}
    >
      {localeChoices.mode === "text" ? (
        <LanguageTagField
          value={localeText}
          onChange={handleLocaleTextChange}
          hint={localeChoices.hint}
          error={fieldErrors.locale}
          readOnly={isPending}
        />
      ) : (
        <PreferenceChoiceField
          label={t("customerAccounts.preferences.fields.locale")}
          value={values.locale}
          onChange={(locale) => setField("locale", locale)}
          choices={localeChoices.choices}
          error={fieldErrors.locale}
          disabled={isPending || localeChoices.mode === "loading"}
        />
      )}
      <PreferenceChoiceField
        label={t("customerAccounts.preferences.fields.shippingOption")}
        value={values.preferred_shipping_option_id}
        onChange={(id) => setField("preferred_shipping_option_id", id)}
        choices={shippingChoices.choices}
        hint={shippingChoices.hint}
        error={fieldErrors.preferred_shipping_option_id}
        disabled={isPending || shippingChoices.isPending}
      />
      <PreferenceChoiceField
        label={t("customerAccounts.preferences.fields.defaultShippingAddress")}
        value={values.default_shipping_address_id}
        onChange={(id) => setField("default_shipping_address_id", id)}
        choices={addressChoices.choices}
        hint={addressChoices.hint}
        error={fieldErrors.default_shipping_address_id}
        disabled={isPending}
      />
      <PreferenceChoiceField
        label={t("customerAccounts.preferences.fields.defaultBillingAddress")}
        value={values.default_billing_address_id}
        onChange={(id) => setField("default_billing_address_id", id)}
        choices={addressChoices.choices}
        hint={addressChoices.hint}
        error={fieldErrors.default_billing_address_id}
        disabled={isPending}
      />
      <div className="flex flex-col gap-y-4">
        <Heading level="h3">
          {t("customerAccounts.preferences.edit.marketing")}
        </Heading>
        <SwitchField
          label={t("customerAccounts.preferences.fields.emailMarketing")}
          hint={t("customerAccounts.preferences.edit.emailMarketingHint")}
          checked={values.email_marketing}
          onChange={(checked) => setField("email_marketing", checked)}
          error={fieldErrors.email_marketing}
          disabled={isPending}
        />
        <SwitchField
          label={t("customerAccounts.preferences.fields.smsMarketing")}
          hint={t("customerAccounts.preferences.edit.smsMarketingHint")}
          checked={values.sms_marketing}
          onChange={(checked) => setField("sms_marketing", checked)}
          error={fieldErrors.sms_marketing}
          disabled={isPending}
        />
      </div>
    </FormDrawer.Form>
  )
}

/**
 * The store's languages, "German (Germany) (de-DE)" in the dashboard's
 * language. A store that lists none accepts any language, so the admin
 * searches the locales Medusa knows or types a tag ("text" mode); so they
 * can too when the list fails to load.
 */
const useLocaleChoices = (savedLocale: string | null) => {
  const { t, i18n } = useTranslation()
  const { locales, isPending, isError, error } = useStoreLocales()
  const displayLocale = toIntlLocale(i18n.language)

  const choices = useMemo(() => {
    const tags = [...(locales ?? [])]
    // The saved language stays selectable after the store dropped it.
    if (savedLocale && !tags.includes(savedLocale)) {
      tags.unshift(savedLocale)
    }
    return tags.map(
      (tag): PreferenceChoice => {
        const name = getLanguageName(tag, displayLocale)
        return {
          value: tag,
          label: name
            ? t("customerAccounts.preferences.edit.localeChoice", {
                name,
                tag,
              })
            : tag,
        }
      }
    )
  }, [locales, savedLocale, displayLocale, t])

  const mode: "loading" | "select" | "text" = isPending
    ? "loading"
    : !isError && locales && locales.length > 0
      ? "select"
      : "text"

  const hint = isError
    ? t("customerAccounts.preferences.edit.choicesError", {
        message: error.message,
      })
    : t("customerAccounts.preferences.edit.noStoreLocales")

  return { mode, choices, hint }
}

/**
 * The store's shipping options (no return options), "Standard (Flat rate)".
 * The saved option stays selectable when the list no longer has it.
 */
const useShippingChoices = (preferences: CustomerPreferences) => {
  const { t } = useTranslation()
  const { shippingOptions, isPending, isError, error } =
    useShippingOptionChoices()

  const choices = useMemo(() => {
    const list: PreferenceChoice[] = (shippingOptions ?? []).map((option) => ({
      value: option.id,
      label: t("customerAccounts.preferences.edit.shippingOptionChoice", {
        name: option.name,
        priceType: t(
          `customerAccounts.preferences.priceTypes.${option.price_type}`
        ),
      }),
    }))

    const savedId = preferences.preferred_shipping_option_id
    if (savedId && !list.some((choice) => choice.value === savedId)) {
      list.unshift({
        value: savedId,
        label:
          preferences.shipping_option?.name ??
          t("customerAccounts.preferences.shippingOptionGone"),
      })
    }
    return list
  }, [shippingOptions, preferences, t])

  const hint = isError
    ? t("customerAccounts.preferences.edit.choicesError", {
        message: error.message,
      })
    : !isPending && shippingOptions?.length === 0
      ? t("customerAccounts.preferences.edit.noShippingOptions")
      : undefined

  return { choices, hint, isPending }
}

/**
 * The customer's addresses by label. An address the preferences point at but
 * the customer no longer has stays selectable, marked as gone.
 */
const useAddressChoices = (
  customer: AdminCustomer,
  initial: PreferencesFormValues
) => {
  const { t } = useTranslation()
  const addresses = customer.addresses ?? []

  const choices = useMemo(() => {
    const list: PreferenceChoice[] = addresses.map((address) => ({
      value: address.id,
      label:
        getAddressLabel(address) ??
        t("customerAccounts.preferences.unnamedAddress"),
    }))

    const savedIds = [
      initial.default_shipping_address_id,
      initial.default_billing_address_id,
    ]
    for (const id of savedIds) {
      if (id && !list.some((choice) => choice.value === id)) {
        list.push({
          value: id,
          label: t("customerAccounts.preferences.addressGone"),
        })
      }
    }
    return list
  }, [addresses, initial, t])

  const hint =
    addresses.length === 0
      ? t("customerAccounts.preferences.edit.noAddresses")
      : undefined

  return { choices, hint }
}
