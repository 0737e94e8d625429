import { Button, toast, usePrompt } from "@medusajs/ui"
import type { UseMutationResult } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"

import type { Capability } from "../../../types/staff-permissions"
import { Permitted } from "../common/permitted"

import type { AdminLoginSecurity } from "../../../types/account-security"
import { mutateThen } from "../../lib/mutation-options"

/** What the action needs of an unlock mutation, a customer's or a user's. */
export type UnlockMutation = Pick<
  UseMutationResult<{ was_locked: boolean }, Error, void>,
  "mutateAsync" | "isPending"
>

/**
 * What the unlock route can do for the account now: lift its lock, only
 * clear the failed attempts that would lock it, or nothing.
 */
export const unlockKindOf = (security: AdminLoginSecurity) =>
  security.locked
    ? ("unlock" as const)
    : security.failed_attempts > 0
      ? ("resetCounters" as const)
      : null

type UnlockActionProps = {
  /** The permission unlocking this account needs (a customer's or a Back Office user's). */
  capability: Capability
  security: AdminLoginSecurity
  unlock: UnlockMutation
  /** The bodies of the two prompts: what unlocking changes for this account. */
  unlockDescription: string
  resetCountersDescription: string
}

/**
 * "Unlock" while the account is locked, "Reset counters" while failed
 * attempts count towards a lock, nothing otherwise; each asks first.
 */
export const UnlockAction = ({
  capability,
  security,
  unlock,
  unlockDescription,
  resetCountersDescription,
}: UnlockActionProps) => {
  const { t } = useTranslation()
  const prompt = usePrompt()
  const kind = unlockKindOf(security)

  if (!kind) {
    return null
  }

  const canUnlock = kind === "unlock"

  const handleUnlock = async () => {
    const confirmed = await prompt(
      canUnlock
        ? {
            title: t("customerAccounts.security.unlock.title"),
            description: unlockDescription,
            confirmText: t("customerAccounts.security.actions.unlock"),
            cancelText: t("customerAccounts.security.actions.cancel"),
            variant: "confirmation",
          }
        : {
            title: t("customerAccounts.security.resetCounters.title"),
            description: resetCountersDescription,
            confirmText: t("customerAccounts.security.actions.resetCounters"),
            cancelText: t("customerAccounts.security.actions.cancel"),
            variant: "confirmation",
          }
    )

    if (!confirmed) {
      return
    }

    mutateThen(unlock, undefined, {
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

  return (
    <Permitted capability={capability}>
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
    </Permitted>
  )
}
