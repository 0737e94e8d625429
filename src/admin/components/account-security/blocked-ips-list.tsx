import { Button, Text, toast, usePrompt } from "@medusajs/ui"
import type { UseMutationResult } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"

import type { AdminBlockedIp } from "../../../types/account-security"
import { formatDateTime, toIntlLocale } from "../../lib/date-format"
import { mutateThen } from "../../lib/mutation-options"
import { SectionHeader } from "../common/section-header"

/** What the list needs of an unblock mutation, a customer's or a user's. */
export type UnblockIpMutation = Pick<
  UseMutationResult<{ was_blocked: boolean }, Error, { ip: string }>,
  "mutateAsync" | "isPending" | "variables"
>

type BlockedIpsListProps = {
  blockedIps: AdminBlockedIp[]
  unblock: UnblockIpMutation
  /** Under the heading: what a block means for this kind of account. */
  description: string
  /** The body of the unblock prompt: what unblocking changes. */
  unblockDescription: string
}

/**
 * The IPs blocked now that this account was tried from, each with an
 * Unblock action. Renders nothing while no IP is blocked, but stays mounted
 * with its owner, which holds the unblock mutation, so the toast still shows
 * when the unblocked row (or the whole list) disappears with the refetch.
 */
export const BlockedIpsList = ({
  blockedIps,
  unblock,
  description,
  unblockDescription,
}: BlockedIpsListProps) => {
  const { t } = useTranslation()
  const prompt = usePrompt()

  const handleUnblock = async (ip: string) => {
    const confirmed = await prompt({
      title: t("customerAccounts.security.unblockIp.title", { ip }),
      description: unblockDescription,
      confirmText: t("customerAccounts.security.actions.unblock"),
      cancelText: t("customerAccounts.security.actions.cancel"),
      variant: "confirmation",
    })

    if (!confirmed) {
      return
    }

    mutateThen(
      unblock,
      { ip },
      {
        onSuccess: ({ was_blocked }) => {
          toast.success(
            was_blocked
              ? t("customerAccounts.security.toasts.ipUnblocked", { ip })
              : t("customerAccounts.security.toasts.ipBlockExpired", { ip })
          )
        },
        onError: (error) => {
          toast.error(error.message)
        },
      }
    )
  }

  if (blockedIps.length === 0) {
    return null
  }

  return (
    <div className="flex flex-col">
      <SectionHeader
        level="h3"
        title={t("customerAccounts.security.blockedIps.title")}
        description={description}
      />
      <ul className="divide-y border-t">
        {blockedIps.map((blockedIp) => {
          // One unblock at a time: the mutation reports on its latest call only.
          const isUnblocking =
            unblock.isPending && unblock.variables?.ip === blockedIp.ip

          return (
            <li
              key={blockedIp.ip}
              className="flex items-center justify-between gap-x-4 px-6 py-3"
            >
              <div className="flex min-w-0 flex-col gap-y-0.5">
                <Text
                  size="small"
                  leading="compact"
                  weight="plus"
                  className="truncate"
                >
                  {blockedIp.ip}
                </Text>
                <BlockedUntil value={blockedIp.blocked_until} />
              </div>
              <Button
                size="small"
                variant="secondary"
                onClick={() => handleUnblock(blockedIp.ip)}
                isLoading={isUnblocking}
                disabled={unblock.isPending}
                aria-label={t("customerAccounts.security.blockedIps.unblockLabel", {
                  ip: blockedIp.ip,
                })}
              >
                {t("customerAccounts.security.actions.unblock")}
              </Button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

/** "Blocked until <date/time>", in the dashboard's language. */
const BlockedUntil = ({ value }: { value: string }) => {
  const { t, i18n } = useTranslation()
  const until = new Date(value)

  return (
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      {Number.isNaN(until.getTime())
        ? t("customerAccounts.security.blockedIps.blocked")
        : t("customerAccounts.security.blockedIps.blockedUntil", {
            date: formatDateTime(until, toIntlLocale(i18n.language)),
          })}
    </Text>
  )
}
