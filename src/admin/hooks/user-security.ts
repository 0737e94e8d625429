import { useMutation } from "@tanstack/react-query"

import type {
  AdminUnblockUserIpResponse,
  AdminUnlockUserResponse,
} from "../../types/account-security"
import {
  useInvalidatingOptions,
  type MutationOptions,
} from "../lib/mutation-options"
import {
  customerActivityKeys,
  customerSecurityKeys,
  userSecurityKeys,
} from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import { useLoginSecurity, type UnblockIpPayload } from "./login-security"

const userPath = (userId: string) =>
  `/admin/users/${encodeURIComponent(userId)}`

/**
 * What a user's unlock or unblock may change beyond the user's own entry: a
 * customer signing in with the same e-mail shares the lock, and an IP block
 * is the IP's, on every account. So every cached lockout state is refetched,
 * and every customer timeline (such a customer's gets the unlock entry).
 */
const LOGIN_SECURITY_KEYS = [userSecurityKeys.all, customerSecurityKeys.all]
const LOGIN_SECURITY_ACTIVITY_KEYS = [customerActivityKeys.all]

/**
 * A Back Office user's lock status, failed-login counters, last 20 login
 * attempts on their e-mail (through any route) and the IP blocks in their
 * way; refetched when a lock or block runs out (see `useLoginSecurity`).
 */
export const useUserSecurity = (userId: string) =>
  useLoginSecurity(
    userSecurityKeys.detail(userId),
    `${userPath(userId)}/security`
  )

/** Lifts a user's lock, or only clears the failed-login counters when unlocked. */
export const useUnlockUser = (
  userId: string,
  options?: MutationOptions<AdminUnlockUserResponse, void>
) => {
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminUnlockUserResponse>(
        `${userPath(userId)}/security/unlock`,
        { method: "POST", body: {} }
      ),
    ...useInvalidatingOptions(
      LOGIN_SECURITY_KEYS,
      options,
      LOGIN_SECURITY_ACTIVITY_KEYS
    ),
  })
}

/**
 * Lifts the block on an IP the user was tried from and clears its
 * failed-login count (for every identifier: the block is the IP's). 404 when
 * the user has no login attempt from that IP in the last 24 hours.
 */
export const useUnblockUserIp = (
  userId: string,
  options?: MutationOptions<AdminUnblockUserIpResponse, UnblockIpPayload>
) => {
  return useMutation({
    mutationFn: ({ ip }: UnblockIpPayload) =>
      sdk.client.fetch<AdminUnblockUserIpResponse>(
        `${userPath(userId)}/security/unblock-ip`,
        { method: "POST", body: { ip } }
      ),
    ...useInvalidatingOptions(
      LOGIN_SECURITY_KEYS,
      options,
      LOGIN_SECURITY_ACTIVITY_KEYS
    ),
  })
}
