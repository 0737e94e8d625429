import { Badge, Container, Text, Tooltip } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import type { AdminCustomerGroupMembership } from "../../../types/customer-group-rule"
import { useCustomerGroupMemberships } from "../../hooks/customer-groups"
import { formatDateTime, toIntlLocale } from "../../lib/date-format"
import { CustomerGroupLink } from "../common/dashboard-link"
import { SectionHeader } from "../common/section-header"
import { SectionLoadError } from "../common/section-load-error"
import { RuleList } from "./rule-set-summary"

type AutomaticMembershipsSectionProps = {
  customerId: string
}

/**
 * The "Automatic memberships" card of the customer page: the groups the
 * customer joined through a rule (with the rules in words) or as a default
 * group, each with its date. Medusa's own "Customer Groups" card lists every
 * group; this one explains the plugin's, so a customer without any shows no
 * card at all (also while loading, so the column does not jump).
 */
export const AutomaticMembershipsSection = ({
  customerId,
}: AutomaticMembershipsSectionProps) => {
  const { t } = useTranslation()
  const { memberships, isError, error, refetch } =
    useCustomerGroupMemberships(customerId)

  const shown = memberships?.filter(
    (membership) =>
      membership.source === "automatic" || membership.source === "default"
  )

  if (!isError && !shown?.length) {
    return null
  }

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("customerAccounts.groups.memberships.title")}
        description={t("customerAccounts.groups.memberships.description")}
      />
      {shown?.length ? (
        <ul className="divide-y">
          {shown.map((membership) => (
            <MembershipItem
              key={membership.customer_group.id}
              membership={membership}
            />
          ))}
        </ul>
      ) : (
        <SectionLoadError
          title={t("customerAccounts.groups.memberships.loadError")}
          message={error?.message ?? ""}
          retryLabel={t("customerAccounts.groups.memberships.retry")}
          onRetry={() => refetch()}
        />
      )}
    </Container>
  )
}

const MembershipItem = ({
  membership: { customer_group, source, since, rule_set },
}: {
  membership: AdminCustomerGroupMembership
}) => {
  const { t, i18n } = useTranslation()
  const locale = toIntlLocale(i18n.language)
  const sinceDate = new Date(since)

  return (
    <li className="flex flex-col gap-y-2 px-6 py-4">
      <div className="flex items-center justify-between gap-x-4">
        <CustomerGroupLink
          id={customer_group.id}
          name={customer_group.name}
          truncate
        />
        <Badge size="2xsmall" color={source === "automatic" ? "blue" : "grey"}>
          {source === "automatic"
            ? t("customerAccounts.groups.memberships.automatic")
            : t("customerAccounts.groups.memberships.default")}
        </Badge>
      </div>
      {source === "automatic" && rule_set && rule_set.rules.length > 0 && (
        <RuleList ruleSet={rule_set} intro="whenSeveral" />
      )}
      {source === "default" && (
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerAccounts.groups.memberships.defaultHint")}
        </Text>
      )}
      {!Number.isNaN(sinceDate.getTime()) && (
        <Tooltip content={formatDateTime(sinceDate, locale)}>
          <Text size="xsmall" className="text-ui-fg-muted w-fit">
            {t("customerAccounts.groups.memberships.since", {
              date: new Intl.DateTimeFormat(locale, {
                dateStyle: "medium",
              }).format(sinceDate),
            })}
          </Text>
        </Tooltip>
      )}
    </li>
  )
}
