import type { TFunction } from "i18next"

import type { GroupRule } from "../../../types/customer-group-rule"

/** Fraction digits when `Intl` does not know the currency. */
const DEFAULT_FRACTION_DIGITS = 2

/** A plain `YYYY-MM-DD` date (no time): shown as that day in every zone. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** "acme.com", "acme.com or example.org", "a.com, b.com or c.com". */
const joinAlternatives = (items: string[], t: TFunction): string => {
  if (items.length <= 1) {
    return items[0] ?? ""
  }
  return t("customerAccounts.groups.rules.labels.list", {
    head: items.slice(0, -1).join(", "),
    last: items[items.length - 1],
  })
}

/** "1,204.50" with as many decimals as the currency has (2 for EUR, 0 for JPY). */
export const formatAmount = (
  amount: number,
  currencyCode: string,
  locale: string
): string => {
  let digits = DEFAULT_FRACTION_DIGITS
  try {
    digits = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: currencyCode,
    }).resolvedOptions().minimumFractionDigits ?? DEFAULT_FRACTION_DIGITS
  } catch {
    // An unknown code: keep the default.
  }
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: Math.max(digits, DEFAULT_FRACTION_DIGITS),
  }).format(amount)
}

/** A rule's date ("1 Jan 2025"); a datetime also shows its time. */
export const formatRuleDate = (value: string, locale: string): string => {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) {
    return value
  }
  return DATE_ONLY.test(value)
    ? new Intl.DateTimeFormat(locale, {
        dateStyle: "medium",
        // Parsed as UTC midnight: format in UTC so it stays the same day.
        timeZone: "UTC",
      }).format(date)
    : new Intl.DateTimeFormat(locale, {
        dateStyle: "medium",
        timeStyle: "short",
      }).format(date)
}

/** One rule as a sentence, e.g. "E-mail domain is acme.com or example.org". */
export const describeRule = (
  rule: GroupRule,
  t: TFunction,
  locale: string
): string => {
  switch (rule.type) {
    case "email_domain":
      return t(
        rule.verified_only === false
          ? "customerAccounts.groups.rules.labels.email_domain_any"
          : "customerAccounts.groups.rules.labels.email_domain",
        { domains: joinAlternatives(rule.domains, t) }
      )
    case "orders_count":
      return t("customerAccounts.groups.rules.labels.orders_count", {
        count: rule.gte,
      })
    case "total_spent":
      return t("customerAccounts.groups.rules.labels.total_spent", {
        amount: formatAmount(rule.gte, rule.currency_code, locale),
        currency: rule.currency_code.toUpperCase(),
      })
    case "has_account":
      return rule.value
        ? t("customerAccounts.groups.rules.labels.has_account")
        : t("customerAccounts.groups.rules.labels.has_no_account")
    case "created_before":
      return t("customerAccounts.groups.rules.labels.created_before", {
        date: formatRuleDate(rule.date, locale),
      })
    case "created_after":
      return t("customerAccounts.groups.rules.labels.created_after", {
        date: formatRuleDate(rule.date, locale),
      })
  }
}
