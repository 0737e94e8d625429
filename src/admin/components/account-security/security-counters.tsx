import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"

import type { AdminCustomerSecurity } from "../../../types/account-security"
import { RelativeTime } from "../customer-notes/relative-time"
import { SecurityStatusBadge } from "./security-status-badge"

type SecurityCountersProps = {
  security: AdminCustomerSecurity
}

/** Lock status, failed-login counters and the last sign-ins, one row each. */
export const SecurityCounters = ({ security }: SecurityCountersProps) => {
  const { t } = useTranslation()

  return (
    <>
      <CounterRow label={t("customerAccounts.security.status.label")}>
        <SecurityStatusBadge security={security} />
      </CounterRow>
      <CounterRow
        label={t("customerAccounts.security.counters.failedAttempts")}
      >
        <Text size="small" leading="compact">
          {security.failed_attempts}
        </Text>
      </CounterRow>
      <CounterRow label={t("customerAccounts.security.counters.locks24h")}>
        <Text size="small" leading="compact">
          {security.lock_count_24h}
        </Text>
      </CounterRow>
      <CounterRow label={t("customerAccounts.security.counters.lastFailedAt")}>
        <OptionalRelativeTime value={security.last_failed_at} />
      </CounterRow>
      <CounterRow label={t("customerAccounts.security.counters.lastLoginAt")}>
        <OptionalRelativeTime value={security.last_login_at} />
      </CounterRow>
    </>
  )
}

const CounterRow = ({
  label,
  children,
}: {
  label: string
  children: ReactNode
}) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-center gap-x-4 px-6 py-4">
    <Text size="small" leading="compact" weight="plus">
      {label}
    </Text>
    <div>{children}</div>
  </div>
)

const OptionalRelativeTime = ({ value }: { value: string | null }) => {
  const { t } = useTranslation()

  if (!value) {
    return (
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {t("customerAccounts.security.never")}
      </Text>
    )
  }

  return <RelativeTime value={value} />
}
