import { Text, Tooltip } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import { formatDate, formatDateTime, toIntlLocale } from "../../lib/date-format"

type DateWithTimeProps = {
  /** ISO 8601 timestamp as the API returns it. */
  value: string
  /** Puts the date into a sentence, e.g. "since Nov 27, 2026". */
  format?: (date: string) => string
}

/** "Nov 27, 2026", with the exact date and time in a tooltip. */
export const DateWithTime = ({ value, format }: DateWithTimeProps) => {
  const { i18n } = useTranslation()
  const locale = toIntlLocale(i18n.language)
  const date = new Date(value)

  if (Number.isNaN(date.getTime())) {
    return null
  }

  const day = formatDate(date, locale)

  return (
    <Tooltip content={formatDateTime(date, locale)}>
      <Text
        asChild
        size="small"
        leading="compact"
        className="text-ui-fg-subtle"
      >
        <time dateTime={value}>{format ? format(day) : day}</time>
      </Text>
    </Tooltip>
  )
}
