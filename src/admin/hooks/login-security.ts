import { useMutation, useQuery, type QueryKey } from "@tanstack/react-query"
import type { AdminLoginSecurity, AdminUnblockIpResponse, AdminUnlockCustomerResponse } from "../../types/account-security"
import { customerSecurityKeys } from "../lib/query-keys"
import { useInvalidatingOptions, type MutationOptions } from "../lib/mutation-options"
import { sdk } from "../lib/sdk"
import { customerPath, securityActionKeys, securityActionActivityKeys } from "./customer-security"

/** Bounds of the refetch scheduled for when a lock or an IP block runs out. */
const LOCK_EXPIRY_REFETCH_MIN_MS = 5_000
const LOCK_EXPIRY_REFETCH_MAX_MS = 60 * 60_000

export type UnblockIpPayload = { ip: string }

/**
 * Milliseconds until the account's lock or the first of its IP blocks runs
 * out (a second late, so the server agrees), or `false` when nothing is
 * locked or blocked.
 */
const untilNextExpiry = (security: AdminLoginSecurity | undefined) => {
  if (!security) {
    return false
  }
  const ends = [
    ...(security.locked && security.locked_until ? [security.locked_until] : []),
    ...security.blocked_ips.map(({ blocked_until }) => blocked_until),
  ]
    .map((end) => new Date(end).getTime())
    .filter((end) => !Number.isNaN(end))
  if (ends.length === 0) {
    return false
  }
  const delay = Math.min(...ends) - Date.now() + 1_000
  return Math.min(
    Math.max(delay, LOCK_EXPIRY_REFETCH_MIN_MS),
    LOCK_EXPIRY_REFETCH_MAX_MS
  )
}

/**
 * The lockout state an admin route reports for one account (a customer's or
 * a Back Office user's): lock status, failed-login counters, last 20 login
 * attempts and the IP blocks in its way. While the account is locked or an
 * IP blocked, refetches when the lock or block runs out so the page does not
 * keep showing it after it expired.
 */
export const useLoginSecurity = (queryKey: QueryKey, securityPath: string) => {
  const { data, ...rest } = useQuery({
    queryKey,
    queryFn: ({ signal }) =>
      sdk.client.fetch<{ security: AdminLoginSecurity }>(securityPath, {
        signal,
      }),
    refetchInterval: (query) => untilNextExpiry(query.state.data?.security),
  })

  return { security: data?.security, ...rest }
}

/** A customer's lockout state (see `useLoginSecurity`). */
export const useCustomerSecurity = (customerId: string) =>
  useLoginSecurity(
    customerSecurityKeys.detail(customerId),
    `${customerPath(customerId)}/security`
  )

/** Lifts a lock, or only clears the failed-login counters when unlocked. */
export const useUnlockCustomer = (
  customerId: string,
  options?: MutationOptions<AdminUnlockCustomerResponse, void>
) => {
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminUnlockCustomerResponse>(
        `${customerPath(customerId)}/security/unlock`,
        { method: "POST", body: {} }
      ),
    ...useInvalidatingOptions(
      securityActionKeys(customerId),
      options,
      securityActionActivityKeys(customerId)
    ),
  })
}

/**
 * Lifts the block on an IP the customer was tried from and clears its
 * failed-login count (for every identifier: the block is the IP's). 404 when
 * the customer has no login attempt from that IP.
 */
export const useUnblockIp = (
  customerId: string,
  options?: MutationOptions<AdminUnblockIpResponse, UnblockIpPayload>
) => {
  return useMutation({
    mutationFn: ({ ip }: UnblockIpPayload) =>
      sdk.client.fetch<AdminUnblockIpResponse>(
        `${customerPath(customerId)}/security/unblock-ip`,
        { method: "POST", body: { ip } }
      ),
    ...useInvalidatingOptions(
      securityActionKeys(customerId),
      options,
      securityActionActivityKeys(customerId)
    ),
  })
}
