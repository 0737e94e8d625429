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

  const canUnlock = security.locked
  const canResetCounters = !security.locked && security.failed_attempts > 0
  const canSetPassword = hasAccount && allowAdminSetPassword
  const hasActions = canUnlock || canResetCounters || hasAccount

  const handleUnlock = async () => {
    const confirmed = await prompt(
      canUnlock
        ? {
            title: t("customerAccounts.security.unlock.title"),
            description: t("customerAccounts.security.unlock.description"),
            confirmText: t("customerAccounts.security.actions.unlock"),
            cancelText: t("customerAccounts.security.actions.cancel"),
            variant: "confirmation",
          }
        : {
            title: t("customerAccounts.security.resetCounters.title"),
            description: t(
              "customerAccounts.security.resetCounters.description"
            ),
            confirmText: t("customerAccounts.security.actions.resetCounters"),
            cancelText: t("customerAccounts.security.actions.cancel"),
            variant: "confirmation",
          }
    )

    if (!confirmed) {
      return
    }

    unlock.mutate(undefined, {
      onSuccess: ({ was_locked }) => {
        toast.success(
          was_locked
            ? t("customerAccounts.security.toasts.unlocked")
            : canUnlock
              ? t("customerAccounts.security.toasts.lockExpired")
              : t("customerAccounts.security.toasts.countersReset")
        )
      },
      onError: (error) => {
        toast.error(error.message)
      },
    })
  }

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
          {(canUnlock || canResetCounters) && (
            <Button
              size="small"
              variant={canUnlock ? "primary" : "secondary"}
              onClick={handleUnlock}
              isLoading={unlock.isPending}
              disabled={unlock.isPending}
            >
              {canUnlock
                ? t("customerAccounts.security.actions.unlock")
                : t("customerAccounts.security.actions.resetCounters")}
            </Button>
          )}
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
