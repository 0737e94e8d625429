import type { AdminCustomer } from "@medusajs/framework/types"
import { Button, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

import { Permitted } from "../common/permitted"

import type {
  AdminCustomerMfaResponse,
  AdminCustomerSecurity,
  AdminEmailVerification,
} from "../../../types/account-security"
import { usePasswordPolicy, useSendPasswordReset } from "../../hooks/password"
import { useUnlockCustomer } from "../../hooks/login-security"
import { mutateThen } from "../../lib/mutation-options"
import { EmailVerificationActions } from "./email-verification-actions"
import { MfaActions } from "./mfa-actions"
import { SetPasswordDrawer } from "./set-password-drawer"
import { UnlockAction } from "./unlock-action"

type SecurityActionsProps = {
  customer: AdminCustomer
  security: AdminCustomerSecurity
  /** The e-mail verification state, once loaded. */
  emailVerification: AdminEmailVerification | undefined
  /** The customer's MFA factors, once loaded. */
  mfa: AdminCustomerMfaResponse | undefined
}

/**
 * Unlock (or reset the counters), send a reset link, set a password (when
 * the store allows it), resend the verification e-mail or mark the address
 * verified (while it is not), remove two-step verification (while a factor
 * is on or being set up). Only for customers with an account: a guest's
 * card has no actions.
 */
export const SecurityActions = ({
  customer,
  security,
  emailVerification,
  mfa,
}: SecurityActionsProps) => {
  const { t } = useTranslation()
  const prompt = usePrompt()
  const [isSettingPassword, setIsSettingPassword] = useState(false)

  const { policy, allowAdminSetPassword } = usePasswordPolicy()
  const unlock = useUnlockCustomer(customer.id)
  const sendReset = useSendPasswordReset(customer.id)

  const handleSendReset = async () => {
    const confirmed = await prompt({
      title: t("customerAccounts.security.resetLink.title"),
      description: t("customerAccounts.security.resetLink.description", {
        email: customer.email,
      }),
      confirmText: t("customerAccounts.security.actions.sendResetLink"),
      cancelText: t("customerAccounts.security.actions.cancel"),
      variant: "confirmation",
    })

    if (!confirmed) {
      return
    }

    mutateThen(sendReset, undefined, {
      onSuccess: () => {
        toast.success(t("customerAccounts.security.toasts.resetLinkSent"))
      },
      onError: (error) => {
        toast.error(error.message)
      },
    })
  }

  return (
    <div className="flex flex-wrap items-center justify-end gap-2 px-6 py-4">
      <UnlockAction
        capability="security.unlock"
        security={security}
        unlock={unlock}
        unlockDescription={t("customerAccounts.security.unlock.description")}
        resetCountersDescription={t(
          "customerAccounts.security.resetCounters.description"
        )}
      />
      <Permitted capability="security.reset_link">
        <Button
          size="small"
          variant="secondary"
          onClick={handleSendReset}
          isLoading={sendReset.isPending}
          disabled={sendReset.isPending}
        >
          {t("customerAccounts.security.actions.sendResetLink")}
        </Button>
      </Permitted>
      {allowAdminSetPassword && (
        <>
          <Permitted capability="security.set_password">
            <Button
              size="small"
              variant="secondary"
              onClick={() => setIsSettingPassword(true)}
            >
              {t("customerAccounts.security.actions.setPassword")}
            </Button>
          </Permitted>
          <SetPasswordDrawer
            customer={customer}
            policy={policy}
            open={isSettingPassword}
            onOpenChange={setIsSettingPassword}
          />
        </>
      )}
      <EmailVerificationActions
        customer={customer}
        emailVerification={emailVerification}
      />
      <MfaActions customer={customer} mfa={mfa} />
    </div>
  )
}
