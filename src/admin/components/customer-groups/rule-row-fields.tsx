import { IconButton, Input, Select, Text } from "@medusajs/ui"
import { Trash } from "@medusajs/icons"
import { useTranslation } from "react-i18next"

import { FormField, SwitchField } from "../common/form-field"

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
      <FormField label={t("customerAccounts.groups.rules.edit.type")}>
        {(control) => (
          <Select
            value={row.type}
            onValueChange={(type) => onChange({ type: type as GroupRuleType })}
            disabled={disabled}
          >
            <Select.Trigger {...control}>
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
        )}
      </FormField>
      {row.type === "email_domain" && (
        <>
          <FormField
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
          </FormField>
          <SwitchField
            label={t("customerAccounts.groups.rules.edit.verifiedOnly")}
            hint={t("customerAccounts.groups.rules.edit.verifiedOnlyHint")}
            checked={row.verifiedOnly}
            onChange={(verifiedOnly) => onChange({ verifiedOnly })}
            disabled={disabled}
          />
        </>
      )}
      {row.type === "orders_count" && (
        <FormField
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
        </FormField>
      )}
      {row.type === "total_spent" && (
        <div className="grid grid-cols-2 gap-x-4">
          <FormField
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
          </FormField>
          <FormField
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
          </FormField>
        </div>
      )}
      {row.type === "has_account" && (
        <SwitchField
          label={t("customerAccounts.groups.rules.edit.hasAccount")}
          hint={t("customerAccounts.groups.rules.edit.hasAccountHint")}
          checked={row.hasAccount}
          onChange={(hasAccount) => onChange({ hasAccount })}
          disabled={disabled}
        />
      )}
      {(row.type === "created_before" || row.type === "created_after") && (
        <FormField
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
        </FormField>
      )}
    </fieldset>
  )
}
