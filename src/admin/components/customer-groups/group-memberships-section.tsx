import { Badge, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"

import { useCustomerGroupMemberships } from "../../hooks/customer-groups"
import { SectionLoadError } from "../common/section-load-error"

type GroupMembershipsSectionProps = {
  customerId: string
}

/** The "Groups" card of the customer page: each group and how the customer got in. */
export const GroupMembershipsSection = ({
  customerId,
}: GroupMembershipsSectionProps) => {
  const { t } = useTranslation()
  const { memberships, isError, error, refetch } =
    useCustomerGroupMemberships(customerId)

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">{t("customerAccounts.groups.memberships.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerAccounts.groups.memberships.description")}
        </Text>
      </div>
      {memberships ? (
        memberships.length === 0 ? (
          <div className="flex flex-col gap-y-1 px-6 py-4">
            <Text size="small" leading="compact" weight="plus">
              {t("customerAccounts.groups.memberships.empty.title")}
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              {t("customerAccounts.groups.memberships.empty.description")}
            </Text>
          </div>
        ) : (
          <ul className="divide-y">
            {memberships.map(({ customer_group, source }) => (
              <li
                key={customer_group.id}
                className="flex items-center justify-between gap-x-4 px-6 py-3"
              >
                <Text asChild size="small" leading="compact" weight="plus">
                  <Link
                    to={`/customer-groups/${encodeURIComponent(customer_group.id)}`}
                    className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover truncate"
                  >
                    {customer_group.name}
                  </Link>
                </Text>
                <Badge size="2xsmall" color={source === "automatic" ? "blue" : "grey"}>
                  {source === "automatic"
                    ? t("customerAccounts.groups.memberships.automatic")
                    : t("customerAccounts.groups.memberships.manual")}
                </Badge>
              </li>
            ))}
          </ul>
        )
      ) : isError ? (
        <SectionLoadError
          title={t("customerAccounts.groups.memberships.loadError")}
          message={error.message}
          retryLabel={t("customerAccounts.groups.memberships.retry")}
          onRetry={() => refetch()}
        />
      ) : (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-1/2" />
          <Skeleton className="h-5 w-1/3" />
        </div>
      )}
    </Container>
  )
}
