import { Badge, Button, Container, Hint, Skeleton, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { Permitted } from "../common/permitted"

import type { CustomerGroupRuleSet } from "../../../types/customer-group-rule"
import { useCustomerGroupRules } from "../../hooks/customer-groups"
import { EditRulesDrawer } from "./edit-rules-drawer"
import { EmailDomainTrustNote, RuleList, RunStatus } from "./rule-set-summary"
import { useRuleRun } from "./use-rule-run"
import { SectionHeader } from "../common/section-header"
import { SectionLoadError } from "../common/section-load-error"

type GroupRulesSectionProps = {
  groupId: string
}

/**
 * The "Automatic membership" card of the customer group page: the rules in
 * words, the last run, a re-evaluation button and a drawer to edit them.
 */
export const GroupRulesSection = ({ groupId }: GroupRulesSectionProps) => {
  const { t } = useTranslation()
  const [isEditing, setIsEditing] = useState(false)
  const [poll, setPoll] = useState(false)
  const { ruleSet, isError, error, refetch } = useCustomerGroupRules(groupId, {
    poll,
  })
  const run = useRuleRun(groupId, ruleSet?.last_run)

  // Poll the rules only while a started run has not reported back.
  useEffect(() => setPoll(run.isRunning), [run.isRunning])

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("customerAccounts.groups.rules.title")}
        description={t("customerAccounts.groups.rules.description")}
        badge={
          ruleSet && (
            <Badge size="2xsmall" color={ruleSet.automatic ? "green" : "grey"}>
              {ruleSet.automatic
                ? t("customerAccounts.groups.rules.automatic")
                : t("customerAccounts.groups.rules.manualOnly")}
            </Badge>
          )
        }
        actions={
          <div className="flex shrink-0 items-center gap-x-2">
            <Permitted capability="groups.rules">
              <Button
                size="small"
                variant="secondary"
                onClick={run.start}
                disabled={!ruleSet || run.isRunning}
                isLoading={run.isRunning}
              >
                {t("customerAccounts.groups.rules.actions.evaluate")}
              </Button>
            </Permitted>
            <Permitted capability="groups.rules">
              <Button
                size="small"
                variant="secondary"
                onClick={() => setIsEditing(true)}
                disabled={!ruleSet}
              >
                {t("customerAccounts.groups.rules.actions.edit")}
              </Button>
            </Permitted>
          </div>
        }
      />
      {ruleSet ? (
        <RulesSummary ruleSet={ruleSet} isRunning={run.isRunning} />
      ) : isError ? (
        <SectionLoadError
          title={t("customerAccounts.groups.rules.loadError")}
          message={error.message}
          retryLabel={t("customerAccounts.groups.rules.retry")}
          onRetry={() => refetch()}
        />
      ) : (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="h-5 w-1/2" />
        </div>
      )}
      {ruleSet && (
        <EditRulesDrawer
          groupId={groupId}
          ruleSet={ruleSet}
          open={isEditing}
          onOpenChange={setIsEditing}
        />
      )}
    </Container>
  )
}

type RulesSummaryProps = {
  ruleSet: CustomerGroupRuleSet
  isRunning: boolean
}

const RulesSummary = ({ ruleSet, isRunning }: RulesSummaryProps) => {
  const { t } = useTranslation()

  return (
    <>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {ruleSet.rules.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle">
            {t("customerAccounts.groups.rules.noRules")}
          </Text>
        ) : (
          <RuleList ruleSet={ruleSet} />
        )}
        {ruleSet.rules.some((rule) => rule.type === "email_domain" && rule.verified_only === false) && (
          <EmailDomainTrustNote />
        )}
        <Hint>{t("customerAccounts.groups.rules.manualMembersHint")}</Hint>
      </div>
      <div className="px-6 py-4">
        <RunStatus lastRun={ruleSet.last_run} isRunning={isRunning} />
      </div>
    </>
  )
}
