import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import {
  formatDateTime,
  formatDateTimeWithZone,
  toIntlLocale,
} from "../../lib/date-format"

type AssistanceTimeProps = {
  /** ISO 8601 timestamp as the API returns it. */
  value: string
  /** Puts the time into a sentence, e.g. "Ends Nov 27, 2026, 2:52 AM". */
  format?: (dateTime: string) => string
}

/**
 * The exact date and time (an assisted session lasts minutes, so the day
 * alone says nothing); on hover, with the time zone.
 */
export const AssistanceTime = ({ value, format }: AssistanceTimeProps) => {
  const { i18n } = useTranslation()
  const locale = toIntlLocale(i18n.language)
  const date = new Date(value)

  if (Number.isNaN(date.getTime())) {
    return null
  }

  const dateTime = formatDateTime(date, locale)

  return (
    <Text asChild size="small" leading="compact" className="text-ui-fg-subtle">
      <time dateTime={value} title={formatDateTimeWithZone(value, locale)}>
        {format ? format(dateTime) : dateTime}
      </time>
    </Text>
  )
}
