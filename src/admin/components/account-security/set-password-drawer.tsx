import type { AdminCustomer } from "@medusajs/framework/types"
import {
  Alert,
  Button,
  Drawer,
  Hint,
  Input,
  Label,
  Text,
  toast,
} from "@medusajs/ui"
import { useId, useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"

import type { PasswordPolicySummary } from "../../../types/account-security"
import {
  PasswordRefusedError,
  usePasswordStrength,
  useSetCustomerPassword,
} from "../../hooks/account-security"
import { PasswordStrengthMeter } from "./password-strength-meter"
import { usePasswordErrorMessage } from "./use-password-error-message"

type SetPasswordDrawerProps = {
  customer: AdminCustomer
  policy: PasswordPolicySummary | undefined
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Drawer to give the customer a new password, checked as it is typed. */
export const SetPasswordDrawer = ({
  customer,
  policy,
  open,
  onOpenChange,
}: SetPasswordDrawerProps) => {
  const { t } = useTranslation()

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>
            {t("customerAccounts.security.setPassword.title")}
          </Drawer.Title>
          <Drawer.Description className="sr-only">
            {t("customerAccounts.security.setPassword.description", {
              email: customer.email,
            })}
          </Drawer.Description>
        </Drawer.Header>
        {/* Mounted only while open: closing forgets the typed password. */}
        <SetPasswordForm
          customer={customer}
          policy={policy}
          onDone={() => onOpenChange(false)}
        />
      </Drawer.Content>
    </Drawer>
  )
}

type SetPasswordFormProps = {
  customer: AdminCustomer
  policy: PasswordPolicySummary | undefined
  onDone: () => void
}

const SetPasswordForm = ({
  customer,
  policy,
  onDone,
}: SetPasswordFormProps) => {
  const { t } = useTranslation()
  const inputId = useId()
  const hintId = useId()
  const meterId = useId()
  const [password, setPassword] = useState("")

  const check = usePasswordStrength(customer.id, password)
  const { mutate, isPending, error, reset } = useSetCustomerPassword(
    customer.id
  )
  const describeError = usePasswordErrorMessage(policy, check.strength?.score)

  const refusal = error instanceof PasswordRefusedError ? error : null
  const canSave = check.isCurrent && !!check.strength?.valid && !isPending

  const handleChange = (value: string) => {
    setPassword(value)
    // A refusal is about the password that was sent, not the new one.
    if (error) {
      reset()
    }
  }

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!canSave) {
      return
    }

    mutate(
      { password },
      {
        onSuccess: () => {
          toast.success(t("customerAccounts.security.toasts.passwordSet"))
          onDone()
        },
        onError: (error) => {
          // A refusal is listed in the drawer, next to the field.
          if (!(error instanceof PasswordRefusedError)) {
            toast.error(error.message)
          }
        },
      }
    )
  }

  return (
    <form
      onSubmit={handleSubmit}
      className="flex flex-1 flex-col overflow-hidden"
    >
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
        {/* Screen readers hear this as the drawer's description already. */}
        <Text size="small" className="text-ui-fg-subtle" aria-hidden>
          {t("customerAccounts.security.setPassword.description", {
            email: customer.email,
          })}
        </Text>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor={inputId} size="small" weight="plus">
            {t("customerAccounts.security.setPassword.field")}
          </Label>
          {/* Medusa's password input brings its own show/hide toggle. */}
          <Input
            id={inputId}
            type="password"
            autoComplete="new-password"
            autoFocus
            value={password}
            onChange={(event) => handleChange(event.target.value)}
            readOnly={isPending}
            aria-invalid={
              (check.isCurrent && check.strength?.valid === false) ||
              !!refusal ||
              undefined
            }
            aria-describedby={`${hintId} ${meterId}`}
          />
          <Hint id={hintId}>
            {policy
              ? t("customerAccounts.security.setPassword.minLength", {
                  count: policy.min_length,
                })
              : t("customerAccounts.security.setPassword.policyLoading")}
          </Hint>
        </div>
        <PasswordStrengthMeter
          id={meterId}
          strength={check.strength}
          isChecking={check.isChecking}
          checkError={check.isError ? check.error : null}
          policy={policy}
        />
        {refusal && (
          <Alert variant="error">
            <div className="flex flex-col gap-y-1">
              <Text size="small" weight="plus">
                {t("customerAccounts.security.setPassword.refused")}
              </Text>
              <ul className="list-disc pl-5">
                {refusal.errors.length > 0 ? (
                  refusal.errors.map((refusalError) => (
                    <li key={refusalError.code}>
                      <Text size="small">{describeError(refusalError)}</Text>
                    </li>
                  ))
                ) : (
                  <li>
                    <Text size="small">{refusal.message}</Text>
                  </li>
                )}
              </ul>
            </div>
          </Alert>
        )}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            {t("customerAccounts.security.actions.cancel")}
          </Button>
        </Drawer.Close>
        <Button
          size="small"
          type="submit"
          disabled={!canSave}
          isLoading={isPending}
        >
          {t("customerAccounts.security.actions.save")}
        </Button>
      </Drawer.Footer>
    </form>
  )
}
