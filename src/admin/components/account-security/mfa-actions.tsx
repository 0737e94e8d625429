import type { AdminCustomer } from "@medusajs/framework/types"
import { Button, toast, usePrompt } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import { Permitted } from "../common/permitted"

import type { AdminCustomerMfaResponse } from "../../../types/account-security"
import { useResetCustomerMfa } from "../../hooks/mfa"
import { mutateThen } from "../../lib/mutation-options"

type MfaActionsProps = {
  customer: AdminCustomer
  /** The customer's factors, once loaded (none for an account without a password). */
  mfa: AdminCustomerMfaResponse | undefined
}

/**
 * "Remove two-step verification" while a factor guards the customer's
 * logins or waits for its set-up to be confirmed, nothing otherwise; asks
 * first. Renders nothing once the factors are gone but stays mounted, as it
 * holds the mutation: its toast still shows after the refetch removed the
 * button.
 */
export const MfaActions = ({ customer, mfa }: MfaActionsProps) => {
  const { t } = useTranslation()
  const prompt = usePrompt()
  const reset = useResetCustomerMfa(customer.id)

  const hasActiveFactor = !!mfa?.mfa_factors.some(
    (factor) => factor.status === "enabled" || factor.status === "pending"
  )

  if (!hasActiveFactor) {
    return null
  }

  const handleReset = async () => {
    const confirmed = await prompt({
      title: t("customerAccounts.security.resetMfa.title"),
      description: t("customerAccounts.security.resetMfa.description", {
        email: customer.email,
      }),
      confirmText: t("customerAccounts.security.actions.resetMfa"),
      cancelText: t("customerAccounts.security.actions.cancel"),
    })

    if (!confirmed) {
      return
    }

    mutateThen(reset, undefined, {
      onSuccess: ({ removed }) => {
        toast.success(
          removed.length > 0
            ? t("customerAccounts.security.toasts.mfaRemoved")
            : t("customerAccounts.security.toasts.mfaAlreadyOff")
        )
      },
      onError: (error) => {
        toast.error(error.message)
      },
    })
  }

  return (
    <Permitted capability="security.mfa_reset">
      <Button
        size="small"
        variant="secondary"
        onClick={handleReset}
        isLoading={reset.isPending}
        disabled={reset.isPending}
      >
        {t("customerAccounts.security.actions.resetMfa")}
      </Button>
    </Permitted>
  )
}
