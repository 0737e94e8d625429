import type { AdminCustomer } from "@medusajs/framework/types"
import { useTranslation } from "react-i18next"

import {
  useCustomerSessions,
  useRevokeCustomerSessions,
} from "../../hooks/account-sessions"
import { SessionsList } from "./sessions-list"

/**
 * The "Sessions" part of a customer's Account security card: where the
 * customer is signed in now, and "Sign out everywhere" (recorded on the
 * timeline with the admin's name). Only for customers with an account.
 */
export const CustomerSessions = ({ customer }: { customer: AdminCustomer }) => {
  const { t } = useTranslation()
  const { sessions, error, refetch } = useCustomerSessions(customer.id)
  const revoke = useRevokeCustomerSessions(customer.id)

  return (
    <SessionsList
      capability="sessions.revoke"
      sessions={sessions}
      error={error}
      onRetry={() => refetch()}
      revoke={revoke}
      description={t("customerAccounts.sessions.description")}
      emptyDescription={t("customerAccounts.sessions.empty.description")}
      revokeDescription={t(
        "customerAccounts.sessions.signOutEverywhere.description",
        { email: customer.email }
      )}
    />
  )
}
