import { useMutation, useQuery, type QueryKey } from "@tanstack/react-query"

import type {
  AdminAccountSessionsResponse,
  AdminRevokeSessionsResponse,
} from "../../types/account-sessions"
import {
  useInvalidatingOptions,
  type MutationOptions,
} from "../lib/mutation-options"
import {
  customerActivityKeys,
  customerSessionKeys,
  userSessionKeys,
} from "../lib/query-keys"
import { sdk } from "../lib/sdk"

const customerPath = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}`

const userPath = (userId: string) =>
  `/admin/users/${encodeURIComponent(userId)}`

/**
 * The active sessions an admin route reports for one account (a customer's
 * or a Back Office user's), newest `last_seen_at` first.
 */
const useAccountSessions = (queryKey: QueryKey, sessionsPath: string) => {
  const { data, ...rest } = useQuery({
    queryKey,
    queryFn: ({ signal }) =>
      sdk.client.fetch<AdminAccountSessionsResponse>(sessionsPath, { signal }),
  })

  return { sessions: data?.sessions, ...rest }
}

/** A customer's active sessions: device, IP, when it began, last seen. */
export const useCustomerSessions = (customerId: string) =>
  useAccountSessions(
    customerSessionKeys.detail(customerId),
    `${customerPath(customerId)}/sessions`
  )

/** A Back Office user's active sessions, as for a customer. */
export const useUserSessions = (userId: string) =>
  useAccountSessions(
    userSessionKeys.detail(userId),
    `${userPath(userId)}/sessions`
  )

const revokeSessions = (sessionsPath: string) =>
  sdk.client.fetch<AdminRevokeSessionsResponse>(`${sessionsPath}/revoke`, {
    method: "POST",
    body: {},
  })

/**
 * "Sign out everywhere" for a customer: ends every active session, each of
 * them answers 401 from the next request on. `revoked` says how many ended
 * (none when a colleague or the customer was quicker). The timeline entry
 * (`session.revoked`, with the admin's name) is written by a subscriber a
 * moment later, hence an eventual refetch of the timeline.
 */
export const useRevokeCustomerSessions = (
  customerId: string,
  options?: MutationOptions<AdminRevokeSessionsResponse, void>
) => {
  return useMutation({
    mutationFn: () => revokeSessions(`${customerPath(customerId)}/sessions`),
    ...useInvalidatingOptions(
      [customerSessionKeys.detail(customerId)],
      options,
      [customerActivityKeys.customer(customerId)]
    ),
  })
}

/**
 * "Sign out everywhere" for a Back Office user, as for a customer. A user has
 * no timeline on the admin's pages, so only the list is refetched. When the
 * user is the signed-in admin, their own session ends too: the dashboard's
 * next request answers 401 and it returns to its login page by itself.
 */
export const useRevokeUserSessions = (
  userId: string,
  options?: MutationOptions<AdminRevokeSessionsResponse, void>
) => {
  return useMutation({
    mutationFn: () => revokeSessions(`${userPath(userId)}/sessions`),
    ...useInvalidatingOptions([userSessionKeys.detail(userId)], options),
  })
}
