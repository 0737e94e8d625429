import type { AdminCustomer } from "@medusajs/framework/types"
import { Button, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import { useCustomerSecurity } from "../../hooks/account-security"
import { LoginAttemptsTable } from "./login-attempts-table"
import { SecurityActions } from "./security-actions"
import { SecurityCounters } from "./security-counters"

type AccountSecuritySectionProps = {
  customer: AdminCustomer
}

/**
 * The account security card of the customer page: lock status, failed-login
 * counters, unlock and password actions, recent login attempts.
 */
export const AccountSecuritySection = ({
  customer,
}: AccountSecuritySectionProps) => {
  const { t } = useTranslation()
  const { security, isError, error, refetch } = useCustomerSecurity(
    customer.id
  )

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">{t("customerAccounts.security.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerAccounts.security.description")}
        </Text>
      </div>
      {security ? (
        <>
          <SecurityCounters security={security} />
          <SecurityActions customer={customer} security={security} />
          <LoginAttemptsTable attempts={security.recent_attempts} />
        </>
      ) : isError ? (
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Text size="small" leading="compact" weight="plus">
              {t("customerAccounts.security.loadError")}
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              {error.message}
            </Text>
          </div>
          <Button size="small" variant="secondary" onClick={() => refetch()}>
            {t("customerAccounts.security.retry")}
          </Button>
        </div>
      ) : (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="h-5 w-1/2" />
          <Skeleton className="h-10 w-full" />
        </div>
      )}
    </Container>
  )
}
