/**
 * Date formatting for the admin extensions with the browser's `Intl`, in the
 * dashboard's current language (no date library is bundled into the plugin).
 */

const FALLBACK_LOCALE = "en"

/**
 * Turns a dashboard language code into a BCP 47 tag: the dashboard names some
 * languages like "enGB" or "ptBR" (the same conversion its I18nProvider does).
 */
export const toIntlLocale = (language: string | undefined): string => {
  const tag = (language || FALLBACK_LOCALE).replace(/([a-z])([A-Z])/g, "$1-$2")
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? FALLBACK_LOCALE
  } catch {
    return FALLBACK_LOCALE
  }
}

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const WEEK = 7 * DAY
const MONTH = 30 * DAY
const YEAR = 365 * DAY

/** "3 minutes ago", "yesterday", "now", ... relative to `now`. */
export const formatRelativeTime = (
  date: Date,
  now: Date,
  locale: string
): string => {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" })
  const seconds = (date.getTime() - now.getTime()) / 1000
  const abs = Math.abs(seconds)

  if (abs < MINUTE) {
    return format.format(0, "second")
  }
  if (abs < HOUR) {
    return format.format(Math.round(seconds / MINUTE), "minute")
  }
  if (abs < DAY) {
    return format.format(Math.round(seconds / HOUR), "hour")
  }
  if (abs < WEEK) {
    return format.format(Math.round(seconds / DAY), "day")
  }
  if (abs < MONTH) {
    return format.format(Math.round(seconds / WEEK), "week")
  }
  if (abs < YEAR) {
    return format.format(Math.round(seconds / MONTH), "month")
  }
  return format.format(Math.round(seconds / YEAR), "year")
}

/** The date alone, e.g. "Nov 27, 2026". */
export const formatDate = (date: Date, locale: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(date)

/** The exact date and time, e.g. "Nov 27, 2026, 1:52 AM". */
export const formatDateTime = (date: Date, locale: string): string =>
  new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(date)

/**
 * A date and time in the viewer's locale and time zone, naming the zone
 * ("Nov 27, 2026, 2:52 AM GMT+1"): audit entries (system notes, the activity
 * timeline) are read by admins in several places, so the zone is spelled
 * out. An unparsable value comes back as given.
 */
export const formatDateTimeWithZone = (iso: string, locale: string): string => {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) {
    return iso
  }
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date)
}
