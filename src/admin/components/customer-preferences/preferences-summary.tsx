import type { AdminCustomerAddress } from "@medusajs/framework/types"
import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"

import type { CustomerPreferences } from "../../../types/customer-preference"
import { toIntlLocale } from "../../lib/date-format"
import { MarketingConsentBadge } from "./marketing-consent-badge"
import { getAddressLabel, getLanguageName } from "./preference-labels"
import { SectionRow } from "../common/section-row"

type PreferencesSummaryProps = {
  preferences: CustomerPreferences
  addresses: AdminCustomerAddress[]
}

/** The customer's preferences, one row each. */
export const PreferencesSummary = ({
  preferences,
  addresses,
}: PreferencesSummaryProps) => {
  const { t } = useTranslation()
  const { communication } = preferences

  return (
    <>
      <SectionRow label={t("customerAccounts.preferences.fields.locale")}>
        <LanguageValue tag={preferences.locale} />
      </SectionRow>
      <SectionRow
        label={t("customerAccounts.preferences.fields.shippingOption")}
      >
        <ShippingOptionValue preferences={preferences} />
      </SectionRow>
      <SectionRow
        label={t("customerAccounts.preferences.fields.defaultShippingAddress")}
      >
        <AddressValue
          addressId={preferences.default_shipping_address_id}
          addresses={addresses}
        />
      </SectionRow>
      <SectionRow
        label={t("customerAccounts.preferences.fields.defaultBillingAddress")}
      >
        <AddressValue
          addressId={preferences.default_billing_address_id}
          addresses={addresses}
        />
      </SectionRow>
      <SectionRow
        label={t("customerAccounts.preferences.fields.emailMarketing")}
      >
        <MarketingConsentBadge
          granted={communication.email_marketing}
          updatedAt={communication.email_marketing_updated_at}
        />
      </SectionRow>
      <SectionRow
        label={t("customerAccounts.preferences.fields.smsMarketing")}
      >
        <MarketingConsentBadge
          granted={communication.sms_marketing}
          updatedAt={communication.sms_marketing_updated_at}
        />
      </SectionRow>
    </>
  )
}

const Value = ({ children }: { children: ReactNode }) => (
  <Text size="small" leading="compact" className="break-words">
    {children}
  </Text>
)

const NotSet = () => {
  const { t } = useTranslation()

  return (
    <Text size="small" leading="compact" className="text-ui-fg-muted">
      {t("customerAccounts.preferences.notSet")}
    </Text>
  )
}

/** "German (Germany)" in the dashboard's language, and the tag itself. */
const LanguageValue = ({ tag }: { tag: string | null }) => {
  const { i18n } = useTranslation()

  if (!tag) {
    return <NotSet />
  }

  const name = getLanguageName(tag, toIntlLocale(i18n.language))

  return (
    <Value>
      {name ?? tag}
      {name && <span className="text-ui-fg-muted"> · {tag}</span>}
    </Value>
  )
}

const ShippingOptionValue = ({
  preferences,
}: {
  preferences: CustomerPreferences
}) => {
  const { t } = useTranslation()
  const option = preferences.shipping_option

  if (!preferences.preferred_shipping_option_id) {
    return <NotSet />
  }

  if (!option) {
    return <Value>{t("customerAccounts.preferences.shippingOptionGone")}</Value>
  }

  return (
    <Value>
      {option.name}
      <span className="text-ui-fg-muted">
        {" · "}
        {t(`customerAccounts.preferences.priceTypes.${option.price_type}`)}
      </span>
    </Value>
  )
}

const AddressValue = ({
  addressId,
  addresses,
}: {
  addressId: string | null
  addresses: AdminCustomerAddress[]
}) => {
  const { t } = useTranslation()

  if (!addressId) {
    return <NotSet />
  }

  const address = addresses.find(({ id }) => id === addressId)

  return (
    <Value>
      {address
        ? (getAddressLabel(address) ??
          t("customerAccounts.preferences.unnamedAddress"))
        : t("customerAccounts.preferences.addressGone")}
    </Value>
  )
}
