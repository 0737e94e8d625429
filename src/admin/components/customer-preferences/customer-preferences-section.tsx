import type { AdminCustomer } from "@medusajs/framework/types"
import { Button, Container, Skeleton } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

import { useCustomerPreferences } from "../../hooks/customer-preferences"
import { useCustomerPrivacy } from "../../hooks/customer-privacy"
import { EditPreferencesDrawer } from "./edit-preferences-drawer"
import { PreferencesSummary } from "./preferences-summary"
import { SectionHeader } from "../common/section-header"
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
  // An anonymized customer has nothing left to prefer: no edit offered.
  const { privacy } = useCustomerPrivacy(customer.id)
  const anonymized = privacy?.status === "anonymized"

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("customerAccounts.preferences.title")}
        description={t("customerAccounts.preferences.description")}
        actions={
          anonymized ? undefined : (
            <Button
              size="small"
              variant="secondary"
              onClick={() => setIsEditing(true)}
              disabled={!preferences}
            >
              {t("customerAccounts.preferences.actions.edit")}
            </Button>
          )
        }
      />
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
      {preferences && !anonymized && (
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
