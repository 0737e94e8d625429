import { Button, Container, Skeleton } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import type { AdminCustomerAccountsGroupRulesResponse } from "../../../types/customer-group-rule"
import { useCustomerGroupRuleSets } from "../../hooks/customer-groups"
import { CustomerGroupLink } from "../common/dashboard-link"
import { SectionHeader } from "../common/section-header"
import { SectionLoadError } from "../common/section-load-error"
import { SectionNote } from "../common/section-note"
import { EmailDomainTrustNote, RuleList, RunStatus } from "./rule-set-summary"
import { useRuleRun } from "./use-rule-run"

type AutomaticGroup = AdminCustomerAccountsGroupRulesResponse["groups"][number]

/**
 * "Automatic groups" of the settings page: every group with rules, its rules
 * in words, its last run and a button to run it again.
 */
export const AutomaticGroupsSection = () => {
  const { t } = useTranslation()
  // Groups whose started run has not reported back: the list polls meanwhile.
  const [running, setRunning] = useState<ReadonlySet<string>>(new Set())
  const { groups, isError, error, refetch } = useCustomerGroupRuleSets({
    poll: running.size > 0,
  })

  const onRunningChange = useCallback((groupId: string, isRunning: boolean) => {
    setRunning((current) => {
      if (current.has(groupId) === isRunning) {
        return current
      }
      const next = new Set(current)
      if (isRunning) {
        next.add(groupId)
      } else {
        next.delete(groupId)
      }
      return next
    })
  }, [])

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("customerAccounts.settings.automaticGroups.title")}
        description={t("customerAccounts.settings.automaticGroups.description")}
      />
      {groups ? (
        groups.length === 0 ? (
          <SectionNote>
            {t("customerAccounts.settings.automaticGroups.empty")}
          </SectionNote>
        ) : (
          <ul className="divide-y">
            {groups.map((group) => (
              <AutomaticGroupItem
                key={group.customer_group.id}
                group={group}
                onRunningChange={onRunningChange}
              />
            ))}
          </ul>
        )
      ) : isError ? (
        <SectionLoadError
          title={t("customerAccounts.settings.automaticGroups.loadError")}
          message={error.message}
          retryLabel={t("customerAccounts.settings.retry")}
          onRetry={() => refetch()}
        />
      ) : (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="h-5 w-1/2" />
        </div>
      )}
      {groups?.some(({ rule_set }) =>
        rule_set.rules.some((rule) => rule.type === "email_domain" && rule.verified_only === false)
      ) && (
        <div className="px-6 py-4">
          <EmailDomainTrustNote />
        </div>
      )}
    </Container>
  )
}

type AutomaticGroupItemProps = {
  group: AutomaticGroup
  onRunningChange: (groupId: string, isRunning: boolean) => void
}

const AutomaticGroupItem = ({
  group: { customer_group, rule_set },
  onRunningChange,
}: AutomaticGroupItemProps) => {
  const { t } = useTranslation()
  const run = useRuleRun(customer_group.id, rule_set.last_run)

  useEffect(
    () => onRunningChange(customer_group.id, run.isRunning),
    [customer_group.id, run.isRunning, onRunningChange]
  )
  // A group that leaves the list (rules removed meanwhile) stops the polling.
  useEffect(
    () => () => onRunningChange(customer_group.id, false),
    [customer_group.id, onRunningChange]
  )

  return (
    <li className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex items-center justify-between gap-x-4">
        <CustomerGroupLink
          id={customer_group.id}
          name={customer_group.name}
          truncate
        />
        <Button
          size="small"
          variant="secondary"
          onClick={run.start}
          disabled={run.isRunning}
          isLoading={run.isRunning}
        >
          {t("customerAccounts.groups.rules.actions.evaluate")}
        </Button>
      </div>
      <RuleList ruleSet={rule_set} />
      <RunStatus lastRun={rule_set.last_run} isRunning={run.isRunning} />
    </li>
  )
}
