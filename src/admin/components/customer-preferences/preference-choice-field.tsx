import { Select } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import { FormField } from "../common/form-field"

/** Radix' Select has no empty value, so "None" needs a value of its own. */
const NONE = "__none__"

export type PreferenceChoice = {
  value: string
  label: string
}

type PreferenceChoiceFieldProps = {
  label: string
  /** null selects "None". */
  value: string | null
  onChange: (value: string | null) => void
  choices: PreferenceChoice[]
  /** Shown below the field, e.g. why there is nothing to choose. */
  hint?: string
  /** The server's verdict on this field. */
  error?: string
  disabled?: boolean
}

/**
 * A labelled Select whose first option, "None", clears the preference. The
 * current value should be among `choices` (callers add it when the API no
 * longer lists it), so the trigger always shows what is set.
 */
export const PreferenceChoiceField = ({
  label,
  value,
  onChange,
  choices,
  hint,
  error,
  disabled,
}: PreferenceChoiceFieldProps) => {
  const { t } = useTranslation()

  return (
    <FormField label={label} hint={hint} error={error}>
      {(control) => (
        <Select
          value={value ?? NONE}
          onValueChange={(next) => onChange(next === NONE ? null : next)}
          disabled={disabled}
        >
          <Select.Trigger {...control}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={NONE}>
              {t("customerAccounts.preferences.edit.none")}
            </Select.Item>
            {choices.map((choice) => (
              <Select.Item key={choice.value} value={choice.value}>
                {choice.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      )}
    </FormField>
  )
}
