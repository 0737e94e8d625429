import { Input, Text, clx } from "@medusajs/ui"
import { useId, useMemo, useState, type KeyboardEvent } from "react"
import { useTranslation } from "react-i18next"

import { FormField } from "../common/form-field"

import { toIntlLocale } from "../../lib/date-format"
import {
  MEDUSA_LOCALES,
  searchLocales,
  type LocaleOption,
} from "../../lib/known-locales"
import { getLanguageName, normalizeLanguageTag } from "./preference-labels"

/** Options the list shows at once; a search narrows the rest. */
const MAX_OPTIONS = 8

type LanguageTagFieldProps = {
  /** The tag as typed or chosen; empty clears the language. */
  value: string
  onChange: (value: string) => void
  /** Why the admin searches Medusa's locales instead of the store's. */
  hint: string
  /** The server's (or the form's) verdict on the tag. */
  error?: string
  readOnly?: boolean
}

/**
 * For stores that list no languages: a search over the locales Medusa knows
 * ("German (Germany) (de-DE)", by name or tag, in the admin's language and
 * in English), or any BCP 47 tag typed by hand. Names the language it reads
 * so a typo shows before saving.
 */
export const LanguageTagField = ({
  value,
  onChange,
  hint,
  error,
  readOnly,
}: LanguageTagFieldProps) => {
  const { t, i18n } = useTranslation()
  const displayLocale = toIntlLocale(i18n.language)
  const listId = useId()
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)

  const options = useMemo(
    () =>
      MEDUSA_LOCALES.map((tag): LocaleOption => {
        const name = getLanguageName(tag, displayLocale)
        const english = getLanguageName(tag, "en")
        return {
          tag,
          label: name
            ? t("customerAccounts.preferences.edit.localeChoice", { name, tag })
            : tag,
          keywords: english && english !== name ? [english] : [],
        }
      }),
    [displayLocale, t]
  )

  // A chosen tag lists all again: the admin may want another one.
  const chosen = options.some((option) => option.tag === value)
  const matches = searchLocales(options, chosen ? "" : value)
  const shown = matches.slice(0, MAX_OPTIONS)
  const expanded = open && !readOnly && shown.length > 0

  const tag = normalizeLanguageTag(value)
  const name = tag ? getLanguageName(tag, displayLocale) : null

  const choose = (option: LocaleOption) => {
    onChange(option.tag)
    setOpen(false)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault()
      if (!expanded) {
        setOpen(true)
        setActive(0)
        return
      }
      const step = event.key === "ArrowDown" ? 1 : -1
      setActive((index) => (index + step + shown.length) % shown.length)
    } else if (event.key === "Enter" && expanded && shown[active]) {
      // Chooses the option instead of submitting the form.
      event.preventDefault()
      choose(shown[active])
    } else if (event.key === "Escape" && expanded) {
      setOpen(false)
    }
  }

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
        <div className="relative">
          <Input
            {...control}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={
              expanded ? `${listId}-${active}` : undefined
            }
            value={value}
            onChange={(event) => {
              onChange(event.target.value)
              setOpen(true)
              setActive(0)
            }}
            onFocus={() => setOpen(true)}
            onClick={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
            placeholder={t("customerAccounts.preferences.edit.localeSearch")}
            autoComplete="off"
            spellCheck={false}
            readOnly={readOnly}
          />
          <ul
            id={listId}
            role="listbox"
            aria-label={t("customerAccounts.preferences.edit.localeOptions")}
            hidden={!expanded}
            className={clx(
              "bg-ui-bg-component shadow-elevation-flyout absolute inset-x-0 top-full z-10 mt-1 max-h-64 overflow-y-auto rounded-lg p-1",
              !expanded && "hidden"
            )}
          >
            {shown.map((option, index) => (
              <li
                key={option.tag}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={option.tag === value}
                // Keeps the focus in the input, so blur does not close the list first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(option)}
                onMouseEnter={() => setActive(index)}
                className={clx(
                  "txt-compact-small cursor-pointer rounded-md px-2 py-1.5",
                  index === active && "bg-ui-bg-component-hover"
                )}
              >
                {option.label}
              </li>
            ))}
            {matches.length > shown.length && (
              <li role="presentation" className="px-2 py-1.5">
                <Text size="small" className="text-ui-fg-muted">
                  {t("customerAccounts.preferences.edit.localeMore", {
                    count: matches.length - shown.length,
                  })}
                </Text>
              </li>
            )}
          </ul>
        </div>
      )}
    </FormField>
  )
}
