import type { AdminCustomer } from "@medusajs/framework/types"
import { Button, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

import type { AdminCustomerSecurity } from "../../../types/account-security"
import {
  usePasswordPolicy,
  useSendPasswordReset,
  useUnlockCustomer,
} from "../../hooks/account-security"
import { SetPasswordDrawer } from "./set-password-drawer"
import { UnlockAction, unlockKindOf } from "./unlock-action"

type SecurityActionsProps = {
  customer: AdminCustomer
  security: AdminCustomerSecurity
}

/**
 * Unlock (or reset the counters), send a reset link, set a password. Guests
 * have no password, so they get an explanation instead of password actions.
 */
export const SecurityActions = ({
  customer,
  security,
}: SecurityActionsProps) => {
  const { t } = useTranslation()
  const prompt = usePrompt()
  const [isSettingPassword, setIsSettingPassword] = useState(false)

  const hasAccount = customer.has_account
  const { policy, allowAdminSetPassword } = usePasswordPolicy({
    enabled: hasAccount,
  })
  const unlock = useUnlockCustomer(customer.id)
  const sendReset = useSendPasswordReset(customer.id)

  const canSetPassword = hasAccount && allowAdminSetPassword
  const hasActions = unlockKindOf(security) !== null || hasAccount

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

    sendReset.mutate(undefined, {
      onSuccess: () => {
        toast.success(t("customerAccounts.security.toasts.resetLinkSent"))
      },
      onError: (error) => {
        toast.error(error.message)
      },
    })
  }

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      {!hasAccount && (
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerAccounts.security.guest")}
        </Text>
      )}
      {hasActions && (
        <div className="flex flex-wrap items-center justify-end gap-2">
          <UnlockAction
            security={security}
            unlock={unlock}
            unlockDescription={t(
              "customerAccounts.security.unlock.description"
            )}
            resetCountersDescription={t(
              "customerAccounts.security.resetCounters.description"
            )}
          />
          {hasAccount && (
            <Button
              size="small"
              variant="secondary"
              onClick={handleSendReset}
              isLoading={sendReset.isPending}
              disabled={sendReset.isPending}
            >
              {t("customerAccounts.security.actions.sendResetLink")}
            </Button>
          )}
          {canSetPassword && (
            <Button
              size="small"
              variant="secondary"
              onClick={() => setIsSettingPassword(true)}
            >
              {t("customerAccounts.security.actions.setPassword")}
            </Button>
          )}
        </div>
      )}
      {canSetPassword && (
        <SetPasswordDrawer
          customer={customer}
          policy={policy}
          open={isSettingPassword}
          onOpenChange={setIsSettingPassword}
        />
      )}
    </div>
  )
}
