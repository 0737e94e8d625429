import { Text, Textarea, clx } from "@medusajs/ui"
import { useId, type KeyboardEvent } from "react"
import { useTranslation } from "react-i18next"

import {
  NOTE_BODY_COUNTER_THRESHOLD,
  checkNoteBody,
} from "../../lib/customer-notes"

type NoteBodyFieldProps = {
  value: string
  onChange: (value: string) => void
  /** Called on Cmd/Ctrl+Enter, the usual "send" shortcut of comment boxes. */
  onSubmit: () => void
  /** Keeps the text (and focus) but blocks typing, e.g. while saving. */
  readOnly?: boolean
  autoFocus?: boolean
  rows?: number
}

/**
 * The note text box, with a counter that appears near the length limit. The
 * text is never cut: an over-long note is flagged and cannot be saved.
 */
export const NoteBodyField = ({
  value,
  onChange,
  onSubmit,
  readOnly,
  autoFocus,
  rows = 3,
}: NoteBodyFieldProps) => {
  const { t } = useTranslation()
  const counterId = useId()
  const { remaining, isTooLong } = checkNoteBody(value)
  const showCounter = remaining <= NOTE_BODY_COUNTER_THRESHOLD

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault()
      onSubmit()
    }
  }

  return (
    <div className="flex flex-col gap-y-1">
      <Textarea
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={handleKeyDown}
        placeholder={t("customerAccounts.notes.fields.placeholder")}
        aria-label={t("customerAccounts.notes.fields.body")}
        aria-invalid={isTooLong || undefined}
        aria-describedby={showCounter ? counterId : undefined}
        readOnly={readOnly}
        autoFocus={autoFocus}
        rows={rows}
      />
      {showCounter && (
        <Text
          id={counterId}
          size="xsmall"
          leading="compact"
          aria-live="polite"
          className={clx("text-right", {
            "text-ui-fg-subtle": !isTooLong,
            "text-ui-fg-error": isTooLong,
          })}
        >
          {isTooLong
            ? t("customerAccounts.notes.counter.over", { count: -remaining })
            : t("customerAccounts.notes.counter.remaining", {
                count: remaining,
              })}
        </Text>
      )}
    </div>
  )
}
