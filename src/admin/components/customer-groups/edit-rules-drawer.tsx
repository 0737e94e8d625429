import { Button, Hint, Label, RadioGroup, Text, toast } from "@medusajs/ui"
import { Plus } from "@medusajs/icons"
import { useId, useState } from "react"
import { useTranslation } from "react-i18next"

import type { CustomerGroupRuleSet } from "../../../types/customer-group-rule"
import {
  useStoreCurrencies,
  useUpdateCustomerGroupRules,
} from "../../hooks/customer-groups"
import { FormDrawer } from "../common/form-drawer"
import { RuleRowFields } from "./rule-row-fields"
import {
  MAX_RULES_PER_GROUP,
  emptyRow,
  haveRulesChanged,
  toFormValues,
  toPayload,
  type RuleRow,
  type RuleRowErrors,
  type RulesFormValues,
} from "./rules-form"

type EditRulesDrawerProps = {
  groupId: string
  ruleSet: CustomerGroupRuleSet
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Drawer to replace a group's membership rules. */
export const EditRulesDrawer = ({
  groupId,
  ruleSet,
  open,
  onOpenChange,
}: EditRulesDrawerProps) => {
  const { t } = useTranslation()

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("customerAccounts.groups.rules.edit.title")}
      description={t("customerAccounts.groups.rules.edit.description")}
    >
      <EditRulesForm groupId={groupId} ruleSet={ruleSet} />
    </FormDrawer>
  )
}

type EditRulesFormProps = {
  groupId: string
  ruleSet: CustomerGroupRuleSet
}

const EditRulesForm = ({ groupId, ruleSet }: EditRulesFormProps) => {
  const { t } = useTranslation()
  const matchLabelId = useId()
  // The rules the drawer opened with, to tell whether anything changed.
  const [initial] = useState<RulesFormValues>(() => toFormValues(ruleSet))
  const [values, setValues] = useState(initial)
  const [rowErrors, setRowErrors] = useState<Record<string, RuleRowErrors>>({})
  const [formError, setFormError] = useState<string | null>(null)

  const { mutateAsync, isPending } = useUpdateCustomerGroupRules(groupId)
  const currencies = useCurrencyChoices()

  const updateRow = (key: string, changes: Partial<Omit<RuleRow, "key">>) => {
    setValues((current) => ({
      ...current,
      rows: current.rows.map((row) =>
        row.key === key ? { ...row, ...changes } : row
      ),
    }))
    // An error is about the values that were checked, not the new ones.
    setRowErrors(({ [key]: _cleared, ...rest }) => rest)
  }

  const addRow = () =>
    setValues((current) => ({
      ...current,
      // A new total_spent row starts with the store's first currency.
      rows: [...current.rows, emptyRow("email_domain", currencies.codes[0])],
    }))

  const removeRow = (key: string) => {
    setValues((current) => ({
      ...current,
      rows: current.rows.filter((row) => row.key !== key),
    }))
    setRowErrors(({ [key]: _cleared, ...rest }) => rest)
  }

  const save = () => {
    const result = toPayload(values)
    if (result.errors) {
      setRowErrors(result.errors)
      return
    }

    setFormError(null)
    return mutateAsync(result.payload, {
      onError: (error) => {
        if (error.status === 400) {
          // The API's verdict (e.g. "rules: unknown currency xyz") stays in the drawer.
          setFormError(error.message)
        } else {
          toast.error(error.message)
        }
      },
    })
  }

  const atLimit = values.rows.length >= MAX_RULES_PER_GROUP

  return (
    <FormDrawer.Form
      onSubmit={save}
      successMessage={t("customerAccounts.groups.rules.toasts.saved")}
      isPending={isPending}
      isDirty={haveRulesChanged(initial, values)}
      error={formError}
    >
      <div className="flex flex-col gap-y-2">
        <Label id={matchLabelId} size="small" weight="plus">
          {t("customerAccounts.groups.rules.edit.match")}
        </Label>
        <RadioGroup
          value={values.match}
          onValueChange={(match) =>
            setValues((current) => ({
              ...current,
              match: match === "any" ? "any" : "all",
            }))
          }
          aria-labelledby={matchLabelId}
          disabled={isPending}
          className="flex flex-row gap-x-6"
        >
          <MatchOption value="all" label={t("customerAccounts.groups.rules.edit.matchAll")} />
          <MatchOption value="any" label={t("customerAccounts.groups.rules.edit.matchAny")} />
        </RadioGroup>
      </div>
      <div className="flex flex-col gap-y-3">
        <Label size="small" weight="plus">
          {t("customerAccounts.groups.rules.edit.rules")}
        </Label>
        {values.rows.length === 0 && (
          <Text size="small" className="text-ui-fg-subtle">
            {t("customerAccounts.groups.rules.edit.empty")}
          </Text>
        )}
        {values.rows.map((row, index) => (
          <RuleRowFields
            key={row.key}
            index={index}
            row={row}
            errors={rowErrors[row.key]}
            currencies={currencies}
            onChange={(changes) =>
              updateRow(
                row.key,
                // Switching to total_spent preselects the store's first currency.
                changes.type === "total_spent" && !row.currencyCode && currencies.codes[0]
                  ? { ...changes, currencyCode: currencies.codes[0] }
                  : changes
              )
            }
            onRemove={() => removeRow(row.key)}
            disabled={isPending}
          />
        ))}
        <div className="flex flex-col items-start gap-y-2">
          <Button
            type="button"
            size="small"
            variant="secondary"
            onClick={addRow}
            disabled={isPending || atLimit}
          >
            <Plus />
            {t("customerAccounts.groups.rules.actions.addRule")}
          </Button>
          {atLimit && (
            <Hint>
              {t("customerAccounts.groups.rules.edit.limit", {
                count: MAX_RULES_PER_GROUP,
              })}
            </Hint>
          )}
        </div>
      </div>
      <Hint>{t("customerAccounts.groups.rules.manualMembersHint")}</Hint>
    </FormDrawer.Form>
  )
}

const MatchOption = ({ value, label }: { value: string; label: string }) => {
  const id = useId()

  return (
    <div className="flex items-center gap-x-2">
      <RadioGroup.Item value={value} id={id} />
      <Label htmlFor={id} size="small">
        {label}
      </Label>
    </div>
  )
}

/** The store's currencies for total_spent, with why the list may be short. */
const useCurrencyChoices = () => {
  const { t } = useTranslation()
  const { currencies, isPending, isError, error } = useStoreCurrencies()

  const hint = isError
    ? t("customerAccounts.groups.rules.edit.currenciesError", {
        message: error.message,
      })
    : !isPending && currencies?.length === 0
      ? t("customerAccounts.groups.rules.edit.noCurrencies")
      : undefined

  return { codes: currencies ?? [], hint, isPending }
}
