import { Hint, Label, Switch } from "@medusajs/ui"
import { useId, type ReactNode } from "react"

/** What a control needs to be announced with its label, hint and error. */
export type FieldControlProps = {
  id: string
  "aria-invalid"?: true
  "aria-describedby"?: string
}

type FieldIds = { control: string; hint: string; error: string }

/** The ids of a control, its hint and its error, and the control's aria wiring. */
const useFieldIds = (hint?: ReactNode, error?: string) => {
  const ids: FieldIds = { control: useId(), hint: useId(), error: useId() }
  const control: FieldControlProps = {
    id: ids.control,
    "aria-invalid": error ? true : undefined,
    "aria-describedby":
      [hint && ids.hint, error && ids.error].filter(Boolean).join(" ") ||
      undefined,
  }
  return { ids, control }
}

const FieldMessages = ({
  ids,
  hint,
  error,
}: {
  ids: FieldIds
  hint?: ReactNode
  error?: string
}) => (
  <>
    {hint && <Hint id={ids.hint}>{hint}</Hint>}
    {error && (
      <Hint id={ids.error} variant="error">
        {error}
      </Hint>
    )}
  </>
)

type FormFieldProps = {
  label: string
  /** Shown below the control, e.g. the expected format. */
  hint?: ReactNode
  /** The form's or the server's verdict on this field. */
  error?: string
  /** Renders the control with the props that tie it to label, hint and error. */
  children: (control: FieldControlProps) => ReactNode
}

/** A label, the control, its hint and error, wired up for screen readers. */
export const FormField = ({ label, hint, error, children }: FormFieldProps) => {
  const { ids, control } = useFieldIds(hint, error)

  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={ids.control} size="small" weight="plus">
        {label}
      </Label>
      {children(control)}
      <FieldMessages ids={ids} hint={hint} error={error} />
    </div>
  )
}

type SwitchFieldProps = {
  label: string
  /** What turning the switch on means. */
  hint: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
  error?: string
  disabled?: boolean
}

/** A switch on the right, its label and meaning on the left. */
export const SwitchField = ({
  label,
  hint,
  checked,
  onChange,
  error,
  disabled,
}: SwitchFieldProps) => {
  const { ids, control } = useFieldIds(hint, error)

  return (
    <div className="flex items-start justify-between gap-x-4">
      <div className="flex min-w-0 flex-col gap-y-1">
        <Label htmlFor={ids.control} size="small" weight="plus">
          {label}
        </Label>
        <FieldMessages ids={ids} hint={hint} error={error} />
      </div>
      {/* A long hint must not squeeze the switch (it rendered 14 px wide). */}
      <Switch
        className="shrink-0"
        {...control}
        checked={checked}
        onCheckedChange={onChange}
        disabled={disabled}
      />
    </div>
  )
}
