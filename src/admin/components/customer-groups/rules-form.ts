import type {
  CustomerGroupRuleSet,
  GroupRule,
  GroupRuleSetInput,
} from "../../../types/customer-group-rule"

export type GroupRuleType = GroupRule["type"]

/** The rule types in the order the type Select offers them. */
export const GROUP_RULE_TYPES: GroupRuleType[] = [
  "email_domain",
  "orders_count",
  "total_spent",
  "has_account",
  "created_after",
  "created_before",
]

export { MAX_RULES_PER_GROUP } from "../../../lib/group-rules"

/**
 * One editable rule row. It holds the fields of every type as typed, so
 * switching the type back and forth keeps what was entered.
 */
export type RuleRow = {
  /** Stable React key; rows have no id of their own. */
  key: string
  type: GroupRuleType
  /** Comma-separated, as typed. */
  domains: string
  /** An e-mail domain counts only for a verified address. */
  verifiedOnly: boolean
  ordersCount: string
  amount: string
  currencyCode: string
  hasAccount: boolean
  /** The saved value (maybe a datetime) until the date is changed. */
  date: string
}

export type RuleRowField = "domains" | "ordersCount" | "amount" | "currencyCode" | "date"

/** Why a row cannot be sent, per field (i18n keys under `edit.errors`). */
export type RuleRowErrors = Partial<
  Record<RuleRowField, "domains" | "number" | "integer" | "currency" | "date">
>

let rowCounter = 0
const nextKey = () => `rule-${++rowCounter}`

export const emptyRow = (
  type: GroupRuleType = "email_domain",
  currencyCode = ""
): RuleRow => ({
  key: nextKey(),
  type,
  domains: "",
  verifiedOnly: true,
  ordersCount: "",
  amount: "",
  currencyCode,
  hasAccount: true,
  date: "",
})

export const toRow = (rule: GroupRule): RuleRow => {
  const row = emptyRow(rule.type)
  switch (rule.type) {
    case "email_domain":
      return { ...row, domains: rule.domains.join(", "), verifiedOnly: rule.verified_only ?? true }
    case "orders_count":
      return { ...row, ordersCount: String(rule.gte) }
    case "total_spent":
      return {
        ...row,
        amount: String(rule.gte),
        currencyCode: rule.currency_code.toLowerCase(),
      }
    case "has_account":
      return { ...row, hasAccount: rule.value }
    case "created_before":
    case "created_after":
      return { ...row, date: rule.date }
  }
}

/** The `YYYY-MM-DD` an `<input type="date">` shows for a saved date. */
export const toDateInputValue = (date: string): string =>
  /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? ""

export const splitDomains = (text: string): string[] =>
  text
    .split(",")
    .map((domain) => domain.trim())
    .filter(Boolean)

const parseNumber = (text: string): number | undefined => {
  if (!text.trim()) {
    return undefined
  }
  const value = Number(text)
  return Number.isFinite(value) && value >= 0 ? value : undefined
}

type RowResult =
  | { rule: GroupRule; errors?: undefined }
  | { rule?: undefined; errors: RuleRowErrors }

/**
 * The rule a row stands for, or what is missing. Only emptiness and number
 * shape are checked here; the API judges the rest (domain syntax, known
 * currency) and its message is shown in the drawer.
 */
export const toRule = (row: RuleRow): RowResult => {
  switch (row.type) {
    case "email_domain": {
      const domains = splitDomains(row.domains)
      return domains.length
        ? { rule: { type: "email_domain", domains, verified_only: row.verifiedOnly } }
        : { errors: { domains: "domains" } }
    }
    case "orders_count": {
      const gte = parseNumber(row.ordersCount)
      return gte !== undefined && Number.isInteger(gte)
        ? { rule: { type: "orders_count", gte } }
        : { errors: { ordersCount: "integer" } }
    }
    case "total_spent": {
      const gte = parseNumber(row.amount)
      const errors: RuleRowErrors = {}
      if (gte === undefined) {
        errors.amount = "number"
      }
      if (!row.currencyCode) {
        errors.currencyCode = "currency"
      }
      return gte !== undefined && row.currencyCode
        ? {
            rule: {
              type: "total_spent",
              gte,
              currency_code: row.currencyCode,
            },
          }
        : { errors }
    }
    case "has_account":
      return { rule: { type: "has_account", value: row.hasAccount } }
    case "created_before":
    case "created_after":
      return row.date
        ? { rule: { type: row.type, date: row.date } }
        : { errors: { date: "date" } }
  }
}

export type RulesFormValues = {
  match: CustomerGroupRuleSet["match"]
  rows: RuleRow[]
}

export const toFormValues = (ruleSet: CustomerGroupRuleSet): RulesFormValues => ({
  match: ruleSet.match,
  rows: ruleSet.rules.map(toRow),
})

/**
 * The payload to save (the whole list), or each row's errors by key when
 * some row is incomplete.
 */
export const toPayload = (
  values: RulesFormValues
):
  | { payload: GroupRuleSetInput; errors?: undefined }
  | { payload?: undefined; errors: Record<string, RuleRowErrors> } => {
  const rules: GroupRule[] = []
  const errors: Record<string, RuleRowErrors> = {}

  for (const row of values.rows) {
    const result = toRule(row)
    if (result.errors) {
      errors[row.key] = result.errors
    } else {
      rules.push(result.rule)
    }
  }

  return Object.keys(errors).length
    ? { errors }
    : { payload: { match: values.match, rules } }
}

/** A row's entries without its React key. */
const rowEntries = ({ key: _key, ...entries }: RuleRow) => entries

/**
 * Whether the form differs from what it opened with. Rows are compared by
 * what was entered, not by key: a row removed and added back unchanged, or a
 * type switched back and forth, is no change.
 */
export const haveRulesChanged = (
  initial: RulesFormValues,
  values: RulesFormValues
) =>
  initial.match !== values.match ||
  JSON.stringify(initial.rows.map(rowEntries)) !==
    JSON.stringify(values.rows.map(rowEntries))
