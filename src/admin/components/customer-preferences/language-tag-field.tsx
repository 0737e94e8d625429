import { Hint, Input, Label } from "@medusajs/ui"
import { useId } from "react"
import { useTranslation } from "react-i18next"

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
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()

  const tag = normalizeLanguageTag(value)
  const name = tag ? getLanguageName(tag, toIntlLocale(i18n.language)) : null

  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={inputId} size="small" weight="plus">
        {t("customerAccounts.preferences.fields.locale")}
      </Label>
      <Input
        id={inputId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={t("customerAccounts.preferences.edit.localePlaceholder")}
        autoComplete="off"
        spellCheck={false}
        readOnly={readOnly}
        aria-invalid={!!error || undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      />
      <Hint id={hintId}>
        {name
          ? t("customerAccounts.preferences.edit.localeReadsAs", {
              name,
              tag,
            })
          : hint}
      </Hint>
      {error && (
        <Hint id={errorId} variant="error">
          {error}
        </Hint>
      )}
    </div>
  )
}
