import type { AdminCustomer } from "@medusajs/framework/types"
import { useTranslation } from "react-i18next"

import { useCustomerSecurity } from "../../hooks/login-security"
import { LoginAttemptsTable } from "./login-attempts-table"
import { LoginSecurityCard } from "./login-security-card"

type CustomerLoginAttemptsSectionProps = {
  customer: AdminCustomer
}

/**
 * The customer's last sign-in attempts, a table wide enough for the main
 * column (the status and actions are in the side column's account security
 * card; both read the same cached lockout state). None for a guest, who has
 * no account to sign in to.
 */
export const CustomerLoginAttemptsSection = ({
  customer,
}: CustomerLoginAttemptsSectionProps) =>
  customer.has_account ? <LoginAttempts customerId={customer.id} /> : null

const LoginAttempts = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation()
  const { security, error, refetch } = useCustomerSecurity(customerId)

  return (
    <LoginSecurityCard
      title={t("customerAccounts.security.attempts.title")}
      description={t("customerAccounts.security.attempts.description")}
      security={security}
      error={error}
      onRetry={() => refetch()}
    >
      {(security) => (
        <LoginAttemptsTable
          attempts={security.recent_attempts}
          emptyDescription={t(
            "customerAccounts.security.attempts.empty.description"
          )}
        />
      )}
    </LoginSecurityCard>
  )
}
