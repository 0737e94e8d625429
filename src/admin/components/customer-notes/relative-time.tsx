import { Text, Tooltip } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import {
  formatDateTime,
  formatRelativeTime,
  toIntlLocale,
} from "../../lib/date-format"

/** How often relative times ("3 minutes ago") are recomputed. */
const REFRESH_INTERVAL_MS = 60_000

const useNow = (intervalMs: number) => {
  const [now, setNow] = useState(() => new Date())

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])

  return now
}

type RelativeTimeProps = {
  /** ISO 8601 timestamp as the API returns it. */
  value: string
  /** Puts the relative time into a sentence, e.g. "Link sent 3 minutes ago". */
  format?: (relative: string) => string
}

/** "3 minutes ago", with the exact date and time in a tooltip. */
export const RelativeTime = ({ value, format }: RelativeTimeProps) => {
  const { i18n } = useTranslation()
  const now = useNow(REFRESH_INTERVAL_MS)
  const locale = toIntlLocale(i18n.language)
  const date = new Date(value)

  if (Number.isNaN(date.getTime())) {
    return null
  }

  const relative = formatRelativeTime(date, now, locale)

  return (
    <Tooltip content={formatDateTime(date, locale)}>
      <Text
        asChild
        size="small"
        leading="compact"
        className="text-ui-fg-subtle"
      >
        <time dateTime={value}>
          {format ? format(relative) : relative}
        </time>
      </Text>
    </Tooltip>
  )
}
