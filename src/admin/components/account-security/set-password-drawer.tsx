import type { AdminCustomer } from "@medusajs/framework/types"
import { Hint, Label, Text, toast } from "@medusajs/ui"
import { useId, useState } from "react"
import { useTranslation } from "react-i18next"

import type { PasswordPolicySummary } from "../../../types/account-security"
import { PasswordRefusedError, usePasswordStrength, useSetCustomerPassword } from "../../hooks/password"
import { FormDrawer } from "../common/form-drawer"
import { PasswordInput } from "../common/password-input"
import { PasswordStrengthMeter } from "./password-strength-meter"

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
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("customerAccounts.security.setPassword.title")}
      description={t("customerAccounts.security.setPassword.description", {
        email: customer.email,
      })}
    >
      <SetPasswordForm customer={customer} policy={policy} />
    </FormDrawer>
  )
}

type SetPasswordFormProps = {
  customer: AdminCustomer
  policy: PasswordPolicySummary | undefined
}

const SetPasswordForm = ({ customer, policy }: SetPasswordFormProps) => {
  const { t } = useTranslation()
  const inputId = useId()
  const hintId = useId()
  const meterId = useId()
  const [password, setPassword] = useState("")

  const check = usePasswordStrength(customer.id, password)
  const { mutateAsync, isPending, error, reset } = useSetCustomerPassword(
    customer.id
  )

  // The server's verdict outranks the meter's until the password changes:
  // the strength check cannot see the password history.
  const refusal = error instanceof PasswordRefusedError ? error : null
  const canSave = check.isCurrent && !!check.strength?.valid && !refusal

  const handleChange = (value: string) => {
    setPassword(value)
    // A refusal is about the password that was sent, not the new one.
    if (error) {
      reset()
    }
  }

  return (
    <FormDrawer.Form
      onSubmit={() =>
        mutateAsync(
          { password },
          {
            onError: (error) => {
              // A refusal is shown in the drawer, by the meter.
              if (!(error instanceof PasswordRefusedError)) {
                toast.error(error.message)
              }
            },
          }
        )
      }
      successMessage={t("customerAccounts.security.toasts.passwordSet")}
      isPending={isPending}
      isDirty={password.length > 0}
      canSubmit={canSave}
    >
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
        <PasswordInput
          id={inputId}
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
        refusal={refusal}
        policy={policy}
      />
    </FormDrawer.Form>
  )
}
