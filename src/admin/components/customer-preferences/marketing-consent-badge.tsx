import { Badge, Tooltip } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

import {
  formatDateTime,
  formatRelativeTime,
  toIntlLocale,
} from "../../lib/date-format"

type MarketingConsentBadgeProps = {
  granted: boolean
  /** When the consent last changed (ISO 8601); null when it never did. */
  updatedAt: string | null
}

/** "On" (green) or "Off" (grey), with when it last changed in a tooltip. */
export const MarketingConsentBadge = ({
  granted,
  updatedAt,
}: MarketingConsentBadgeProps) => {
  const { t } = useTranslation()

  return (
    <Tooltip content={<ConsentChange updatedAt={updatedAt} />}>
      {/* Focusable, so keyboard users reach the tooltip too. */}
      <Badge size="2xsmall" color={granted ? "green" : "grey"} tabIndex={0}>
        {granted
          ? t("customerAccounts.preferences.consent.on")
          : t("customerAccounts.preferences.consent.off")}
      </Badge>
    </Tooltip>
  )
}

/**
 * "Changed 3 days ago" and the exact time. Tooltip content mounts each time
 * the tooltip opens, so reading the clock once on mount keeps it current.
 */
const ConsentChange = ({ updatedAt }: { updatedAt: string | null }) => {
  const { t, i18n } = useTranslation()
  const [now] = useState(() => new Date())
  const date = updatedAt ? new Date(updatedAt) : null

  if (!date || Number.isNaN(date.getTime())) {
    return <>{t("customerAccounts.preferences.consent.neverChanged")}</>
  }

  const locale = toIntlLocale(i18n.language)

  return (
    <div className="flex flex-col">
      <span>
        {t("customerAccounts.preferences.consent.changed", {
          relative: formatRelativeTime(date, now, locale),
        })}
      </span>
      <span className="text-ui-fg-subtle">{formatDateTime(date, locale)}</span>
    </div>
  )
}
