import { useInfiniteQuery } from "@tanstack/react-query"
import { useMemo } from "react"

import {
  ACTIVITY_KINDS,
  type ActivityKind,
  type AdminAccountActivity,
  type AdminAccountActivityListResponse,
} from "../../types/account-activity"
import { ACCOUNT_ACTIVITY_PAGE_SIZE } from "../lib/account-activity"
import {
  customerActivityKeys,
  type CustomerActivityListKeyParams,
} from "../lib/query-keys"
import { sdk } from "../lib/sdk"

const activityPath = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}/activity`

type CustomerActivityQuery = {
  /** Only entries of these kinds; every kind when absent or empty. */
  kinds?: ActivityKind[]
}

/**
 * A customer's activity timeline, newest first, one page per "Show more".
 * Returns the loaded entries flattened, the total `count`, and react-query's
 * infinite-query state (`fetchNextPage`, `hasNextPage`, ...).
 */
export const useCustomerActivity = (
  customerId: string,
  { kinds = [] }: CustomerActivityQuery = {}
) => {
  // One spelling per selection, so equal filters share a cache entry.
  const kind = ACTIVITY_KINDS.filter((candidate) => kinds.includes(candidate))
  const params: CustomerActivityListKeyParams = {
    limit: ACCOUNT_ACTIVITY_PAGE_SIZE,
    ...(kind.length > 0 ? { kind } : {}),
  }

  const { data, ...rest } = useInfiniteQuery({
    queryKey: customerActivityKeys.list(customerId, params),
    queryFn: ({ pageParam, signal }) =>
      sdk.client.fetch<AdminAccountActivityListResponse>(
        activityPath(customerId),
        {
          query: {
            limit: params.limit,
            offset: pageParam,
            // The route takes the kinds comma-separated.
            ...(params.kind ? { kind: params.kind.join(",") } : {}),
          },
          signal,
        }
      ),
    initialPageParam: 0,
    getNextPageParam: (lastPage) => {
      const nextOffset = lastPage.offset + lastPage.activities.length
      return lastPage.activities.length > 0 && nextOffset < lastPage.count
        ? nextOffset
        : undefined
    },
  })

  const activities = useMemo(() => {
    // Entries recorded between two page loads shift the offsets, so the same
    // entry can come back on two pages: keep its first occurrence.
    const seen = new Set<string>()
    const unique: AdminAccountActivity[] = []
    for (const activity of data?.pages.flatMap((page) => page.activities) ??
      []) {
      if (!seen.has(activity.id)) {
        seen.add(activity.id)
        unique.push(activity)
      }
    }
    return unique
  }, [data])

  const count = data?.pages[data.pages.length - 1]?.count ?? 0

  return { activities, count, ...rest }
}
