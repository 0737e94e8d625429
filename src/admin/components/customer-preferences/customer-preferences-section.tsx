import type { AdminCustomer } from "@medusajs/framework/types"
import { Button, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

import { useCustomerPreferences } from "../../hooks/customer-preferences"
import { EditPreferencesDrawer } from "./edit-preferences-drawer"
import { PreferencesSummary } from "./preferences-summary"
import { SectionLoadError } from "../common/section-load-error"

type CustomerPreferencesSectionProps = {
  /** The dashboard's customer, loaded with its addresses. */
  customer: AdminCustomer
}

/**
 * The preferences card of the customer page: language, preferred shipping
 * option, default addresses and marketing consents, edited in a drawer.
 */
export const CustomerPreferencesSection = ({
  customer,
}: CustomerPreferencesSectionProps) => {
  const { t } = useTranslation()
  const [isEditing, setIsEditing] = useState(false)
  const { preferences, isError, error, refetch } = useCustomerPreferences(
    customer.id
  )
  const addresses = customer.addresses ?? []

  return (
    <Container className="divide-y p-0">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">{t("customerAccounts.preferences.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("customerAccounts.preferences.description")}
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          onClick={() => setIsEditing(true)}
          disabled={!preferences}
        >
          {t("customerAccounts.preferences.actions.edit")}
        </Button>
      </div>
      {preferences ? (
        <PreferencesSummary preferences={preferences} addresses={addresses} />
      ) : isError ? (
        <SectionLoadError
          title={t("customerAccounts.preferences.loadError")}
          message={error.message}
          retryLabel={t("customerAccounts.preferences.retry")}
          onRetry={() => refetch()}
        />
      ) : (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="h-5 w-1/2" />
          <Skeleton className="h-5 w-2/5" />
        </div>
      )}
      {preferences && (
        <EditPreferencesDrawer
          customer={customer}
          preferences={preferences}
          open={isEditing}
          onOpenChange={setIsEditing}
        />
      )}
    </Container>
  )
}
