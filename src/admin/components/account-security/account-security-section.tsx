import type { AdminCustomer } from "@medusajs/framework/types"
import { useTranslation } from "react-i18next"

import { useCustomerSecurity, useUnblockIp } from "../../hooks/account-security"
import { BlockedIpsList } from "./blocked-ips-list"
import { LoginAttemptsTable } from "./login-attempts-table"
import { LoginSecurityCard } from "./login-security-card"
import { SecurityActions } from "./security-actions"
import { SecurityCounters } from "./security-counters"

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
  const { security, error, refetch } = useCustomerSecurity(customer.id)
  // Lives as long as the card, so its toast follows even when the list empties.
  const unblock = useUnblockIp(customer.id)

  return (
    <LoginSecurityCard
      title={t("customerAccounts.security.title")}
      description={t("customerAccounts.security.description")}
      security={security}
      error={error}
      onRetry={() => refetch()}
    >
      {(security) => (
        <>
          <SecurityCounters security={security} />
          <SecurityActions customer={customer} security={security} />
          <BlockedIpsList
            blockedIps={security.blocked_ips}
            unblock={unblock}
            description={t("customerAccounts.security.blockedIps.description")}
            unblockDescription={t(
              "customerAccounts.security.unblockIp.description"
            )}
          />
          <LoginAttemptsTable
            attempts={security.recent_attempts}
            emptyDescription={t(
              "customerAccounts.security.attempts.empty.description"
            )}
          />
        </>
      )}
    </LoginSecurityCard>
  )
}
