import { toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import type { CustomerGroupRuleSet } from "../../../types/customer-group-rule"
import {
  useEvaluateCustomerGroupRules,
  useInvalidateRuleRunResults,
} from "../../hooks/customer-groups"

/** How long to poll for a started run before telling the admin to come back. */
const RUN_POLL_TIMEOUT_MS = 60_000

type PendingRun = {
  /** `last_run.at` when the run started; a different value means it finished. */
  previousAt: string | null
}

/**
 * Starts a re-evaluation and follows it: `isRunning` stays true (and the
 * caller polls the rules) until `last_run.at` changes or a minute passed.
 */
export const useRuleRun = (
  groupId: string,
  lastRun: CustomerGroupRuleSet["last_run"] | undefined
) => {
  const { t } = useTranslation()
  const [pending, setPending] = useState<PendingRun | null>(null)
  const invalidateResults = useInvalidateRuleRunResults(groupId)
  const { mutate, isPending } = useEvaluateCustomerGroupRules(groupId)

  const lastRunAt = lastRun?.at ?? null

  useEffect(() => {
    if (!pending || !lastRun || lastRun.at === pending.previousAt) {
      return
    }
    setPending(null)
    void invalidateResults()
    toast.success(
      t("customerAccounts.groups.rules.toasts.finished", {
        added: lastRun.added,
        removed: lastRun.removed,
      })
    )
  }, [pending, lastRun, invalidateResults, t])

  useEffect(() => {
    if (!pending) {
      return
    }
    const timer = setTimeout(() => {
      setPending(null)
      toast.warning(t("customerAccounts.groups.rules.toasts.stillRunning"))
    }, RUN_POLL_TIMEOUT_MS)
    return () => clearTimeout(timer)
  }, [pending, t])

  const start = () => {
    const previousAt = lastRunAt
    mutate(undefined, {
      // The answer names the run's workflow transaction: an id for logs,
      // not for the admin, who is told when the run finished instead.
      onSuccess: () => {
        toast.info(t("customerAccounts.groups.rules.toasts.started"))
        setPending({ previousAt })
      },
      onError: (error) => toast.error(error.message),
    })
  }

  return { start, isRunning: isPending || pending !== null }
}
