import { Badge, Tooltip } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import type { CustomerPrivacyState } from "../../../types/customer-privacy"
import {
  formatDate,
  formatDateTime,
  toIntlLocale,
} from "../../lib/date-format"

type PrivacyStatusBadgeProps = {
  privacy: CustomerPrivacyState
}

const parseDate = (value: string | null) => {
  const date = value ? new Date(value) : null
  return date && !Number.isNaN(date.getTime()) ? date : null
}

/**
 * "Active" (green), "Erasure requested <date>" or "Erasure not finished" /
 * "Being anonymized" (orange: an admin has to act, or wait) or "Anonymized
 * <date>" (grey: nothing left to do); the exact time in a tooltip.
 */
export const PrivacyStatusBadge = ({ privacy }: PrivacyStatusBadgeProps) => {
  const { t, i18n } = useTranslation()
  const locale = toIntlLocale(i18n.language)

  if (privacy.status === "active") {
    return (
      <Badge size="2xsmall" color="green">
        {t("customerAccounts.privacy.status.active")}
      </Badge>
    )
  }

  const date = parseDate(
    privacy.status === "requested"
      ? privacy.requested_at
      : privacy.status === "erasing"
        ? privacy.erasure_started_at
        : privacy.anonymized_at
  )
  const shown = date ? formatDate(date, locale) : ""
  const label =
    privacy.status === "requested"
      ? t("customerAccounts.privacy.status.requested", { date: shown })
      : privacy.status === "erasing"
        ? privacy.erasure_running
          ? t("customerAccounts.privacy.status.erasureRunning")
          : t("customerAccounts.privacy.status.erasing")
        : t("customerAccounts.privacy.status.anonymized", { date: shown })
  // Grows to two lines rather than overflow in the narrow side column.
  const badge = (
    <Badge
      size="2xsmall"
      color={privacy.status === "anonymized" ? "grey" : "orange"}
      className="h-auto min-h-5 py-0.5"
    >
      {label.trim()}
    </Badge>
  )

  return date ? (
    <Tooltip content={formatDateTime(date, locale)}>{badge}</Tooltip>
  ) : (
    badge
  )
}
