import type { AdminCustomer } from "@medusajs/framework/types"
import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import { useCustomerSecurity } from "../../hooks/account-security"
import { BlockedIpsList } from "./blocked-ips-list"
import { LoginAttemptsTable } from "./login-attempts-table"
import { SecurityActions } from "./security-actions"
import { SecurityCounters } from "./security-counters"
import { SectionLoadError } from "../common/section-load-error"

type AccountSecuritySectionProps = {
  customer: AdminCustomer
}

/**
 * The account security card of the customer page: lock status, failed-login
 * counters, unlock and password actions, the blocked IPs the customer was
 * tried from, recent login attempts.
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
          <BlockedIpsList
            customerId={customer.id}
            blockedIps={security.blocked_ips}
          />
          <LoginAttemptsTable attempts={security.recent_attempts} />
        </>
      ) : isError ? (
        <SectionLoadError
          title={t("customerAccounts.security.loadError")}
          message={error.message}
          retryLabel={t("customerAccounts.security.retry")}
          onRetry={() => refetch()}
        />
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
