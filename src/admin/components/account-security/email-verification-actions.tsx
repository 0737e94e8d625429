import type { AdminCustomer } from "@medusajs/framework/types"
import { Button, toast, usePrompt } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import { Permitted } from "../common/permitted"

import type { AdminEmailVerification } from "../../../types/account-security"
import { useMarkEmailVerified, useResendEmailVerification } from "../../hooks/email-verification"
import { mutateThen } from "../../lib/mutation-options"

type EmailVerificationActionsProps = {
  customer: AdminCustomer
  /** The verification state, once loaded (none for an account without a password). */
  emailVerification: AdminEmailVerification | undefined
}

/**
 * "Resend verification e-mail" and "Mark as verified" while the address is
 * not verified, nothing otherwise; each asks first. Renders nothing once the
 * address is verified but stays mounted, as it holds the mutations: their
 * toasts still show after the refetch removed the buttons.
 */
export const EmailVerificationActions = ({
  customer,
  emailVerification,
}: EmailVerificationActionsProps) => {
  const { t } = useTranslation()
  const prompt = usePrompt()
  const resend = useResendEmailVerification(customer.id)
  const markVerified = useMarkEmailVerified(customer.id)

  if (!emailVerification || emailVerification.status === "verified") {
    return null
  }

  const { email } = emailVerification
  const isPending = resend.isPending || markVerified.isPending

  const handleResend = async () => {
    const confirmed = await prompt({
      title: t("customerAccounts.security.resendVerification.title"),
      description: t("customerAccounts.security.resendVerification.description", {
        email,
      }),
      confirmText: t("customerAccounts.security.actions.resendVerification"),
      cancelText: t("customerAccounts.security.actions.cancel"),
      variant: "confirmation",
    })

    if (!confirmed) {
      return
    }

    mutateThen(resend, undefined, {
      onSuccess: ({ sent }) => {
        toast.success(
          sent
            ? t("customerAccounts.security.toasts.verificationSent")
            : t("customerAccounts.security.toasts.alreadyVerified")
        )
      },
      onError: (error) => {
        toast.error(error.message)
      },
    })
  }

  const handleMarkVerified = async () => {
    const confirmed = await prompt({
      title: t("customerAccounts.security.markVerified.title"),
      description: t("customerAccounts.security.markVerified.description", {
        email,
      }),
      confirmText: t("customerAccounts.security.actions.markVerified"),
      cancelText: t("customerAccounts.security.actions.cancel"),
      variant: "confirmation",
    })

    if (!confirmed) {
      return
    }

    mutateThen(markVerified, undefined, {
      onSuccess: () => {
        toast.success(t("customerAccounts.security.toasts.markedVerified"))
      },
      onError: (error) => {
        toast.error(error.message)
      },
    })
  }

  return (
    <>
      <Permitted capability="security.verify_email">
        <Button
          size="small"
          variant="secondary"
          onClick={handleResend}
          isLoading={resend.isPending}
          disabled={isPending}
        >
          {t("customerAccounts.security.actions.resendVerification")}
        </Button>
      </Permitted>
      <Permitted capability="security.verify_email">
        <Button
          size="small"
          variant="secondary"
          onClick={handleMarkVerified}
          isLoading={markVerified.isPending}
          disabled={isPending}
        >
          {t("customerAccounts.security.actions.markVerified")}
        </Button>
      </Permitted>
    </>
  )
}
