import { Badge, Tooltip } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

import type { AdminLoginSecurity } from "../../../types/account-security"
import {
  formatDateTime,
  formatRelativeTime,
  toIntlLocale,
} from "../../lib/date-format"

type SecurityStatusBadgeProps = {
  security: AdminLoginSecurity
}

/** "Active" (green) or "Locked until <date>" (red, time left in a tooltip). */
export const SecurityStatusBadge = ({ security }: SecurityStatusBadgeProps) => {
  const { t, i18n } = useTranslation()

  if (!security.locked) {
    return (
      <Badge size="2xsmall" color="green">
        {t("customerAccounts.security.status.active")}
      </Badge>
    )
  }

  const lockedUntil = security.locked_until
    ? new Date(security.locked_until)
    : null

  if (!lockedUntil || Number.isNaN(lockedUntil.getTime())) {
    return (
      <Badge size="2xsmall" color="red">
        {t("customerAccounts.security.status.locked")}
      </Badge>
    )
  }

  return (
    <Tooltip content={<LockExpiry until={lockedUntil} />}>
      {/* Grows to two lines rather than overflow in the narrow side column. */}
      <Badge size="2xsmall" color="red" className="h-auto min-h-5 py-0.5">
        {t("customerAccounts.security.status.lockedUntil", {
          date: formatDateTime(lockedUntil, toIntlLocale(i18n.language)),
        })}
      </Badge>
    </Tooltip>
  )
}

/**
 * "Unlocks in 14 minutes". Tooltip content mounts each time the tooltip
 * opens, so reading the clock once on mount keeps it current.
 */
const LockExpiry = ({ until }: { until: Date }) => {
  const { t, i18n } = useTranslation()
  const [now] = useState(() => new Date())

  return (
    <>
      {t("customerAccounts.security.status.unlocksIn", {
        relative: formatRelativeTime(
          until,
          now,
          toIntlLocale(i18n.language)
        ),
      })}
    </>
  )
}
