import type { AdminCustomer } from "@medusajs/framework/types"
import { Button, Container, Select, Skeleton } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

import { ACTIVITY_KINDS } from "../../../types/account-activity"
import { useCustomerActivity } from "../../hooks/account-activity"
import { useCustomerSecurity } from "../../hooks/login-security"
import {
  ACCOUNT_ACTIVITY_PAGE_SIZE,
  type ActivityFilter,
  type ActivityKindFilter,
} from "../../lib/account-activity"
import { LoginAttemptsTable } from "../account-security/login-attempts-table"
import { SectionEmpty } from "../common/section-empty"
import { SectionHeader } from "../common/section-header"
import { SectionLoadError } from "../common/section-load-error"
import { ActivityItem } from "./activity-item"

const KIND_FILTERS: ActivityKindFilter[] = ["all", ...ACTIVITY_KINDS]

type AccountActivitySectionProps = {
  customer: AdminCustomer
}

/**
 * The customer's activity timeline, newest first: sign-ins, locks and
 * password changes, preference changes, group memberships and notes, one
 * kind or all, a few entries at a time ("Show more"). For an account,
 * "Sign-ins" shows the login attempts the lockout logged instead (a guest
 * has none).
 */
export const AccountActivitySection = ({
  customer,
}: AccountActivitySectionProps) => {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<ActivityFilter>("all")
  const filters: ActivityFilter[] = customer.has_account
    ? [...KIND_FILTERS, "signIns"]
    : KIND_FILTERS

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("customerAccounts.activity.title")}
        description={t("customerAccounts.activity.description")}
        actions={
          <Select
            size="small"
            value={filter}
            onValueChange={(value) => {
              const chosen = filters.find((candidate) => candidate === value)
              if (chosen) {
                setFilter(chosen)
              }
            }}
          >
            <Select.Trigger
              className="w-40 shrink-0"
              aria-label={t("customerAccounts.activity.filter.label")}
            >
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {filters.map((value) => (
                <Select.Item key={value} value={value}>
                  {t(`customerAccounts.activity.filter.${value}`)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        }
      />
      {filter === "signIns" ? (
        <SignIns customerId={customer.id} />
      ) : (
        <Timeline customerId={customer.id} filter={filter} />
      )}
    </Container>
  )
}

const Loading = () => (
  <div className="flex flex-col gap-y-2 px-6 py-4">
    <Skeleton className="h-5 w-1/3" />
    <Skeleton className="h-5 w-2/3" />
  </div>
)

type TimelineProps = {
  customerId: string
  filter: ActivityKindFilter
}

/** The timeline's entries of one kind or all, a page per "Show more". */
const Timeline = ({ customerId, filter }: TimelineProps) => {
  const { t } = useTranslation()
  const {
    activities,
    isPending,
    isError,
    error,
    refetch,
    hasNextPage,
    fetchNextPage,
    isFetchingNextPage,
  } = useCustomerActivity(customerId, {
    kinds: filter === "all" ? [] : [filter],
  })

  if (isPending) {
    return <Loading />
  }
  if (isError) {
    return (
      <SectionLoadError
        title={t("customerAccounts.activity.loadError")}
        message={error.message}
        retryLabel={t("customerAccounts.activity.retry")}
        onRetry={() => refetch()}
      />
    )
  }
  if (activities.length === 0) {
    return (
      <SectionEmpty
        title={
          filter === "all"
            ? t("customerAccounts.activity.empty.title")
            : t("customerAccounts.activity.empty.filteredTitle")
        }
        description={
          filter === "all"
            ? t("customerAccounts.activity.empty.description")
            : t("customerAccounts.activity.empty.filteredDescription")
        }
      />
    )
  }

  return (
    <>
      <ol className="divide-y" aria-label={t("customerAccounts.activity.title")}>
        {activities.map((activity) => (
          <ActivityItem key={activity.id} activity={activity} />
        ))}
      </ol>
      {hasNextPage && (
        <div className="flex justify-center px-6 py-4">
          <Button
            size="small"
            variant="transparent"
            onClick={() => fetchNextPage()}
            isLoading={isFetchingNextPage}
            disabled={isFetchingNextPage}
          >
            {t("customerAccounts.activity.showMore")}
          </Button>
        </div>
      )}
    </>
  )
}

/**
 * The account's last sign-in attempts (the lockout's log: every route, the
 * refused ones counted per minute), as many rows per "Show more" as the
 * timeline. Reads the same cached state as the Account security card.
 */
const SignIns = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation()
  const { security, error, refetch } = useCustomerSecurity(customerId)

  if (security) {
    return (
      <LoginAttemptsTable
        attempts={security.recent_attempts}
        emptyDescription={t("customerAccounts.security.attempts.empty.description")}
        pageSize={ACCOUNT_ACTIVITY_PAGE_SIZE}
      />
    )
  }
  if (error) {
    return (
      <SectionLoadError
        title={t("customerAccounts.security.loadError")}
        message={error.message}
        retryLabel={t("customerAccounts.security.retry")}
        onRetry={() => refetch()}
      />
    )
  }
  return <Loading />
}
