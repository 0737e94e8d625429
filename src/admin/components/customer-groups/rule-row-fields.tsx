import {
  Hint,
  IconButton,
  Input,
  Label,
  Select,
  Switch,
  Text,
} from "@medusajs/ui"
import { Trash } from "@medusajs/icons"
import { useId, type ReactNode } from "react"
import { useTranslation } from "react-i18next"

import {
  GROUP_RULE_TYPES,
  toDateInputValue,
  type GroupRuleType,
  type RuleRow,
  type RuleRowErrors,
} from "./rules-form"

type CurrencyChoices = {
  codes: string[]
  /** Why there is nothing (or not everything) to choose. */
  hint?: string
  isPending: boolean
}

type RuleRowFieldsProps = {
  index: number
  row: RuleRow
  errors?: RuleRowErrors
  currencies: CurrencyChoices
  onChange: (changes: Partial<Omit<RuleRow, "key">>) => void
  onRemove: () => void
  disabled?: boolean
}

/** One rule in the drawer: its type and the fields of that type. */
export const RuleRowFields = ({
  index,
  row,
  errors = {},
  currencies,
  onChange,
  onRemove,
  disabled,
}: RuleRowFieldsProps) => {
  const { t } = useTranslation()
  const typeId = useId()

  const errorText = (field: keyof RuleRowErrors) => {
    const error = errors[field]
    return error ? t(`customerAccounts.groups.rules.edit.errors.${error}`) : undefined
  }

  // The saved currency stays selectable after the store dropped it.
  const currencyCodes =
    row.currencyCode && !currencies.codes.includes(row.currencyCode)
      ? [row.currencyCode, ...currencies.codes]
      : currencies.codes

  return (
    <fieldset className="flex flex-col gap-y-4 rounded-lg border border-ui-border-base p-4">
      <div className="flex items-center justify-between gap-x-4">
        <Text asChild size="small" leading="compact" weight="plus">
          <legend>
            {t("customerAccounts.groups.rules.edit.rule", {
              number: index + 1,
            })}
          </legend>
        </Text>
        <IconButton
          type="button"
          size="small"
          variant="transparent"
          onClick={onRemove}
          disabled={disabled}
          aria-label={t("customerAccounts.groups.rules.actions.removeRule")}
        >
          <Trash />
        </IconButton>
      </div>
      <div className="flex flex-col gap-y-2">
        <Label htmlFor={typeId} size="small" weight="plus">
          {t("customerAccounts.groups.rules.edit.type")}
        </Label>
        <Select
          value={row.type}
          onValueChange={(type) => onChange({ type: type as GroupRuleType })}
          disabled={disabled}
        >
          <Select.Trigger id={typeId}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {GROUP_RULE_TYPES.map((type) => (
              <Select.Item key={type} value={type}>
                {t(`customerAccounts.groups.rules.types.${type}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      {row.type === "email_domain" && (
        <Field
          label={t("customerAccounts.groups.rules.edit.domains")}
          hint={t("customerAccounts.groups.rules.edit.domainsHint")}
          error={errorText("domains")}
        >
          {(props) => (
            <Input
              {...props}
              size="small"
              value={row.domains}
              onChange={(event) => onChange({ domains: event.target.value })}
              placeholder="acme.com, example.org"
              disabled={disabled}
            />
          )}
        </Field>
      )}
      {row.type === "orders_count" && (
        <Field
          label={t("customerAccounts.groups.rules.edit.ordersCount")}
          error={errorText("ordersCount")}
        >
          {(props) => (
            <Input
              {...props}
              size="small"
              type="number"
              min={0}
              step={1}
              value={row.ordersCount}
              onChange={(event) =>
                onChange({ ordersCount: event.target.value })
              }
              disabled={disabled}
            />
          )}
        </Field>
      )}
      {row.type === "total_spent" && (
        <div className="grid grid-cols-2 gap-x-4">
          <Field
            label={t("customerAccounts.groups.rules.edit.amount")}
            hint={t("customerAccounts.groups.rules.edit.amountHint")}
            error={errorText("amount")}
          >
            {(props) => (
              <Input
                {...props}
                size="small"
                type="number"
                min={0}
                step="any"
                value={row.amount}
                onChange={(event) => onChange({ amount: event.target.value })}
                disabled={disabled}
              />
            )}
          </Field>
          <Field
            label={t("customerAccounts.groups.rules.edit.currency")}
            hint={currencies.hint}
            error={errorText("currencyCode")}
          >
            {(props) => (
              <Select
                value={row.currencyCode || undefined}
                onValueChange={(currencyCode) => onChange({ currencyCode })}
                disabled={disabled || currencies.isPending}
              >
                <Select.Trigger {...props}>
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {currencyCodes.map((code) => (
                    <Select.Item key={code} value={code}>
                      {code.toUpperCase()}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            )}
          </Field>
        </div>
      )}
      {row.type === "has_account" && (
        <HasAccountField
          checked={row.hasAccount}
          onChange={(hasAccount) => onChange({ hasAccount })}
          disabled={disabled}
        />
      )}
      {(row.type === "created_before" || row.type === "created_after") && (
        <Field
          label={t("customerAccounts.groups.rules.edit.date")}
          error={errorText("date")}
        >
          {(props) => (
            <Input
              {...props}
              size="small"
              type="date"
              value={toDateInputValue(row.date)}
              onChange={(event) => onChange({ date: event.target.value })}
              disabled={disabled}
            />
          )}
        </Field>
      )}
    </fieldset>
  )
}

type ControlProps = {
  id: string
  "aria-invalid"?: true
  "aria-describedby"?: string
}

type FieldProps = {
  label: string
  hint?: string
  error?: string
  children: (props: ControlProps) => ReactNode
}

/** A label, the control, its hint and error, wired up for screen readers. */
const Field = ({ label, hint, error, children }: FieldProps) => {
  const controlId = useId()
  const hintId = useId()
  const errorId = useId()
  const describedBy =
    [hint && hintId, error && errorId].filter(Boolean).join(" ") || undefined

  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={controlId} size="small" weight="plus">
        {label}
      </Label>
      {children({
        id: controlId,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
      })}
      {hint && <Hint id={hintId}>{hint}</Hint>}
      {error && (
        <Hint id={errorId} variant="error">
          {error}
        </Hint>
      )}
    </div>
  )
}

type HasAccountFieldProps = {
  checked: boolean
  onChange: (checked: boolean) => void
  disabled?: boolean
}

const HasAccountField = ({
  checked,
  onChange,
  disabled,
}: HasAccountFieldProps) => {
  const { t } = useTranslation()
  const switchId = useId()
  const hintId = useId()

  return (
    <div className="flex items-start justify-between gap-x-4">
      <div className="flex flex-col gap-y-1">
        <Label htmlFor={switchId} size="small" weight="plus">
          {t("customerAccounts.groups.rules.edit.hasAccount")}
        </Label>
        <Hint id={hintId}>
          {t("customerAccounts.groups.rules.edit.hasAccountHint")}
        </Hint>
      </div>
      <Switch
        id={switchId}
        checked={checked}
        onCheckedChange={onChange}
        disabled={disabled}
        aria-describedby={hintId}
      />
    </div>
  )
}
