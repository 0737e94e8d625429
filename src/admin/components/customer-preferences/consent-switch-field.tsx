import { Hint, Label, Switch } from "@medusajs/ui"
import { useId } from "react"

type ConsentSwitchFieldProps = {
  label: string
  /** What the consent allows. */
  hint: string
  checked: boolean
  onChange: (checked: boolean) => void
  /** The server's verdict on this field. */
  error?: string
  disabled?: boolean
}

/** A marketing consent as a switch, with what it means below the label. */
export const ConsentSwitchField = ({
  label,
  hint,
  checked,
  onChange,
  error,
  disabled,
}: ConsentSwitchFieldProps) => {
  const switchId = useId()
  const hintId = useId()
  const errorId = useId()

  return (
    <div className="flex items-start justify-between gap-x-4">
      <div className="flex flex-col gap-y-1">
        <Label htmlFor={switchId} size="small" weight="plus">
          {label}
        </Label>
        <Hint id={hintId}>{hint}</Hint>
        {error && (
          <Hint id={errorId} variant="error">
            {error}
          </Hint>
        )}
      </div>
      <Switch
        id={switchId}
        checked={checked}
        onCheckedChange={onChange}
        disabled={disabled}
        aria-invalid={!!error || undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      />
    </div>
  )
}
