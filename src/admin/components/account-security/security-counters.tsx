import { Badge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import type { AdminLoginSecurity } from "../../../types/account-security"
import { RelativeTime } from "../customer-notes/relative-time"
import { SecurityStatusBadge } from "./security-status-badge"
import { SectionRow } from "../common/section-row"

type SecurityCountersProps = {
  security: AdminLoginSecurity
}

/**
 * Lock status, failed-login counters and the last sign-ins, one row each;
 * and, while the account must change a password found in a data breach, a
 * row that says so and since when.
 */
export const SecurityCounters = ({ security }: SecurityCountersProps) => {
  const { t } = useTranslation()

  return (
    <>
      <SectionRow label={t("customerAccounts.security.status.label")}>
        <SecurityStatusBadge security={security} />
      </SectionRow>
      <SectionRow
        label={t("customerAccounts.security.counters.failedAttempts")}
      >
        <Text size="small" leading="compact">
          {security.failed_attempts}
        </Text>
      </SectionRow>
      <SectionRow label={t("customerAccounts.security.counters.locks24h")}>
        <Text size="small" leading="compact">
          {security.lock_count_24h}
        </Text>
      </SectionRow>
      <SectionRow label={t("customerAccounts.security.counters.lastFailedAt")}>
        <OptionalRelativeTime value={security.last_failed_at} />
      </SectionRow>
      <SectionRow label={t("customerAccounts.security.counters.lastLoginAt")}>
        <OptionalRelativeTime value={security.last_login_at} />
      </SectionRow>
      {security.password_change && (
        <SectionRow label={t("customerAccounts.security.passwordChange.label")}>
          <div className="flex flex-col items-end gap-y-1" data-testid="password-change-required">
            <Badge size="2xsmall" color="orange">
              {t("customerAccounts.security.passwordChange.breached")}
            </Badge>
            <RelativeTime value={security.password_change.since} />
          </div>
        </SectionRow>
      )}
    </>
  )
}

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
