import { Input } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import { FormField } from "../common/form-field"

import { toIntlLocale } from "../../lib/date-format"
import { getLanguageName, normalizeLanguageTag } from "./preference-labels"

type LanguageTagFieldProps = {
  /** The tag as typed; empty clears the language. */
  value: string
  onChange: (value: string) => void
  /** Why the admin types a tag instead of choosing one. */
  hint: string
  /** The server's (or the form's) verdict on the tag. */
  error?: string
  readOnly?: boolean
}

/**
 * A BCP 47 tag typed by hand, for stores that list no languages. Names the
 * language it reads ("German (Germany)") so a typo shows before saving.
 */
export const LanguageTagField = ({
  value,
  onChange,
  hint,
  error,
  readOnly,
}: LanguageTagFieldProps) => {
  const { t, i18n } = useTranslation()

  const tag = normalizeLanguageTag(value)
  const name = tag ? getLanguageName(tag, toIntlLocale(i18n.language)) : null

  return (
    <FormField
      label={t("customerAccounts.preferences.fields.locale")}
      hint={
        name
          ? t("customerAccounts.preferences.edit.localeReadsAs", { name, tag })
          : hint
      }
      error={error}
    >
      {(control) => (
        <Input
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          placeholder={t("customerAccounts.preferences.edit.localePlaceholder")}
          autoComplete="off"
          spellCheck={false}
          readOnly={readOnly}
        />
      )}
    </FormField>
  )
}
