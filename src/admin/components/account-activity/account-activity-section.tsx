import { Button, Container, Select, Skeleton } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

import { ACTIVITY_KINDS } from "../../../types/account-activity"
import { useCustomerActivity } from "../../hooks/account-activity"
import type { ActivityKindFilter } from "../../lib/account-activity"
import { SectionEmpty } from "../common/section-empty"
import { SectionHeader } from "../common/section-header"
import { SectionLoadError } from "../common/section-load-error"
import { ActivityItem } from "./activity-item"

const FILTERS: ActivityKindFilter[] = ["all", ...ACTIVITY_KINDS]

const isFilter = (value: string): value is ActivityKindFilter =>
  (FILTERS as string[]).includes(value)

type AccountActivitySectionProps = {
  customerId: string
}

/**
 * The customer's activity timeline, newest first: sign-ins, locks and
 * password changes, preference changes, group memberships and notes, one
 * kind or all, a page per "Show more".
 */
export const AccountActivitySection = ({
  customerId,
}: AccountActivitySectionProps) => {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<ActivityKindFilter>("all")
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

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("customerAccounts.activity.title")}
        description={t("customerAccounts.activity.description")}
        actions={
          <Select
            size="small"
            value={filter}
            onValueChange={(value) => isFilter(value) && setFilter(value)}
          >
            <Select.Trigger
              className="w-40 shrink-0"
              aria-label={t("customerAccounts.activity.filter.label")}
            >
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {FILTERS.map((value) => (
                <Select.Item key={value} value={value}>
                  {t(`customerAccounts.activity.filter.${value}`)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        }
      />
      {isPending ? (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="h-5 w-2/3" />
        </div>
      ) : isError ? (
        <SectionLoadError
          title={t("customerAccounts.activity.loadError")}
          message={error.message}
          retryLabel={t("customerAccounts.activity.retry")}
          onRetry={() => refetch()}
        />
      ) : activities.length === 0 ? (
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
      ) : (
        <>
          <ol
            className="divide-y"
            aria-label={t("customerAccounts.activity.title")}
          >
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
      )}
    </Container>
  )
}
