import { FetchError } from "@medusajs/js-sdk"
import {
  keepPreviousData,
  useMutation,
  useQuery,
  type QueryKey,
} from "@tanstack/react-query"
import { useEffect, useState } from "react"

import type {
  AdminCustomerMfaResponse,
  AdminEmailVerificationResponse,
  AdminLoginSecurity,
  AdminMarkEmailVerifiedResponse,
  AdminPasswordPolicyResponse,
  AdminPasswordResetResponse,
  AdminPasswordStrengthResponse,
  AdminResendEmailVerificationResponse,
  AdminResetCustomerMfaResponse,
  AdminSetPasswordResponse,
  AdminUnblockIpResponse,
  AdminUnlockCustomerResponse,
  PasswordStrength,
} from "../../types/account-security"
import {
  customerActivityKeys,
  customerEmailVerificationKeys,
  customerMfaKeys,
  customerNoteKeys,
  customerSecurityKeys,
  customerSessionKeys,
  passwordPolicyKeys,
  passwordStrengthKeys,
} from "../lib/query-keys"
import { isNotFound } from "../lib/fetch-errors"
import {
  useInvalidatingOptions,
  type MutationOptions,
} from "../lib/mutation-options"
import { sdk } from "../lib/sdk"

/** Pause after the last keystroke before a password is sent for checking. */
export const PASSWORD_STRENGTH_DEBOUNCE_MS = 300

/** Bounds of the refetch scheduled for when a lock or an IP block runs out. */
const LOCK_EXPIRY_REFETCH_MIN_MS = 5_000
const LOCK_EXPIRY_REFETCH_MAX_MS = 60 * 60_000

const customerPath = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}`

/**
 * What an admin's security action changes: the customer's lockout state, and
 * their notes (each action leaves a system note).
 */
const securityActionKeys = (customerId: string) => [
  customerSecurityKeys.detail(customerId),
  customerNoteKeys.customer(customerId),
]

/** Each security action also leaves an entry in the customer's timeline. */
const securityActionActivityKeys = (customerId: string) => [
  customerActivityKeys.customer(customerId),
]

type SetPasswordPayload = { password: string }
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

/**
 * How often a failed load of a password account's state (verification,
 * MFA) is retried (none for a 404).
 */
const PASSWORD_ACCOUNT_STATE_RETRIES = 1

/**
 * Retries a password account's state once, but not a 404: the routes answer
 * it for a customer without a password (a guest, or an account of another
 * auth provider), which is final.
 */
const retryUnlessNotFound = (failureCount: number, error: Error) =>
  !isNotFound(error) && failureCount < PASSWORD_ACCOUNT_STATE_RETRIES

/**
 * Whether the customer's e-mail address is verified, when a link went out,
 * and whether the shop's requirement keeps them from logging in. Only for
 * customers with an account (404 otherwise, see `retryUnlessNotFound`).
 */
export const useCustomerEmailVerification = (customerId: string) => {
  const { data, ...rest } = useQuery({
    queryKey: customerEmailVerificationKeys.detail(customerId),
    queryFn: ({ signal }) =>
      sdk.client.fetch<AdminEmailVerificationResponse>(
        `${customerPath(customerId)}/email-verification`,
        { signal }
      ),
    retry: retryUnlessNotFound,
  })

  return { emailVerification: data?.email_verification, ...rest }
}

/**
 * The customer's MFA factors (type, state, since when; never a secret) and
 * whether their logins need a second factor now. Only for customers with an
 * account (404 otherwise, see `retryUnlessNotFound`).
 */
export const useCustomerMfa = (customerId: string) => {
  const { data, ...rest } = useQuery({
    queryKey: customerMfaKeys.detail(customerId),
    queryFn: ({ signal }) =>
      sdk.client.fetch<AdminCustomerMfaResponse>(
        `${customerPath(customerId)}/mfa`,
        { signal }
      ),
    retry: retryUnlessNotFound,
  })

  return { mfa: data, ...rest }
}

/** The password policy and whether admins may set a password directly. */
export const usePasswordPolicy = (options: { enabled?: boolean } = {}) => {
  const { data, ...rest } = useQuery({
    queryKey: passwordPolicyKeys.detail(),
    queryFn: ({ signal }) =>
      sdk.client.fetch<AdminPasswordPolicyResponse>(
        "/admin/customer-accounts/password-policy",
        { signal }
      ),
    // Plugin options: they only change when the server restarts.
    staleTime: Infinity,
    enabled: options.enabled,
  })

  return {
    policy: data?.password_policy,
    allowAdminSetPassword: data?.allow_admin_set_password ?? false,
    ...rest,
  }
}

const useDebouncedValue = <T>(value: T, delayMs: number): T => {
  const [debounced, setDebounced] = useState(value)

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, delayMs])

  return debounced
}

const checkPassword = (
  customerId: string,
  password: string,
  signal?: AbortSignal
) =>
  sdk.client.fetch<AdminPasswordStrengthResponse>(
    `${customerPath(customerId)}/password-strength`,
    { method: "POST", body: { password }, signal }
  )

/**
 * The policy's verdict on `password` for this customer (their e-mail and
 * names count as guessable), checked once typing pauses. While a newer
 * password is on its way, the previous verdict stays on screen, so the meter
 * does not flicker; `isCurrent` tells whether the verdict is for `password`.
 */
export const usePasswordStrength = (customerId: string, password: string) => {
  const debounced = useDebouncedValue(password, PASSWORD_STRENGTH_DEBOUNCE_MS)

  const { data, isPlaceholderData, isFetching, isError, error } = useQuery({
    queryKey: passwordStrengthKeys.check(customerId, debounced),
    queryFn: ({ signal }) => checkPassword(customerId, debounced, signal),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    // The password is in the key: drop each entry once it is off screen.
    gcTime: 0,
    // The verdict on a given password does not change while the form is open.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  })

  const isSettled = password.length > 0 && debounced === password
  const isCurrent =
    isSettled && !!data && !isPlaceholderData && !isFetching && !isError
  const hasFailed = isSettled && !isFetching && isError

  return {
    strength: password.length > 0 ? data?.strength : undefined,
    isCurrent,
    isChecking: password.length > 0 && !isCurrent && !hasFailed,
    isError: hasFailed,
    error,
  }
}

/**
 * The set-password route refused the password (400). `errors` lists the
 * policy rules it breaks; it is empty when the reason is unknown, and
 * `message` (the server's) then says it.
 */
export class PasswordRefusedError extends FetchError {
  readonly errors: PasswordStrength["errors"]

  constructor(error: FetchError, errors: PasswordStrength["errors"]) {
    super(error.message, error.statusText, error.status)
    this.name = "PasswordRefusedError"
    this.errors = errors
  }
}

/**
 * The js-sdk keeps only the `message` of an error body, not the `errors`
 * list of a policy refusal, so the list is rebuilt: the set-password route
 * runs exactly the strength check's rules (same customer context) plus the
 * password history. When the strength check names no broken rule, the
 * history is what refused the password. A body the route rejected before
 * any check fails the strength check too and keeps an empty list.
 */
const explainRefusal = async (
  customerId: string,
  password: string,
  error: FetchError
): Promise<PasswordRefusedError> => {
  try {
    const { strength } = await checkPassword(customerId, password)
    return new PasswordRefusedError(
      error,
      strength.errors.length > 0
        ? strength.errors
        : [{ code: "reused", message: error.message }]
    )
  } catch {
    return new PasswordRefusedError(error, [])
  }
}

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

/** E-mails the customer a reset link; 404 when they have no password. */
export const useSendPasswordReset = (
  customerId: string,
  options?: MutationOptions<AdminPasswordResetResponse, void>
) => {
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminPasswordResetResponse>(
        `${customerPath(customerId)}/password-reset`,
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
 * Sets the customer's password (when the store allows it); it ends all their
 * sessions. A policy refusal rejects with a `PasswordRefusedError`; other
 * failures with a `FetchError`.
 */
export const useSetCustomerPassword = (
  customerId: string,
  options?: MutationOptions<AdminSetPasswordResponse, SetPasswordPayload>
) => {
  return useMutation({
    mutationFn: async ({ password }: SetPasswordPayload) => {
      try {
        return await sdk.client.fetch<AdminSetPasswordResponse>(
          `${customerPath(customerId)}/password`,
          { method: "POST", body: { password } }
        )
      } catch (error) {
        if (error instanceof FetchError && error.status === 400) {
          throw await explainRefusal(customerId, password, error)
        }
        throw error
      }
    },
    ...useInvalidatingOptions(
      [...securityActionKeys(customerId), customerSessionKeys.detail(customerId)],
      options,
      securityActionActivityKeys(customerId)
    ),
  })
}

/**
 * What an admin's e-mail verification action changes at once: the
 * verification state. Its timeline entry (e-mail sent, address verified)
 * is written by a subscriber a moment later: `securityActionActivityKeys`.
 */
const emailVerificationActionKeys = (customerId: string) => [
  customerEmailVerificationKeys.detail(customerId),
]

/**
 * E-mails the customer a new verification link (the previous one stops
 * working); `sent` is false when the address is verified already.
 */
export const useResendEmailVerification = (
  customerId: string,
  options?: MutationOptions<AdminResendEmailVerificationResponse, void>
) => {
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminResendEmailVerificationResponse>(
        `${customerPath(customerId)}/email-verification/resend`,
        { method: "POST", body: {} }
      ),
    ...useInvalidatingOptions(
      emailVerificationActionKeys(customerId),
      options,
      securityActionActivityKeys(customerId)
    ),
  })
}

/**
 * Marks the customer's address verified without a link; the timeline
 * records it with the signed-in admin's name.
 */
export const useMarkEmailVerified = (
  customerId: string,
  options?: MutationOptions<AdminMarkEmailVerifiedResponse, void>
) => {
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminMarkEmailVerifiedResponse>(
        `${customerPath(customerId)}/email-verification/verify`,
        { method: "POST", body: {} }
      ),
    ...useInvalidatingOptions(
      emailVerificationActionKeys(customerId),
      options,
      securityActionActivityKeys(customerId)
    ),
  })
}

/**
 * Removes the customer's MFA factors and voids their recovery codes (a lost
 * phone): they sign in with the password only until they enroll again, and
 * are told by e-mail; all their sessions end. `removed` lists the factors it disabled (none when a
 * colleague was quicker). The timeline entry, with the admin's name, is
 * written by a subscriber a moment later: `securityActionActivityKeys`.
 */
export const useResetCustomerMfa = (
  customerId: string,
  options?: MutationOptions<AdminResetCustomerMfaResponse, void>
) => {
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminResetCustomerMfaResponse>(
        `${customerPath(customerId)}/mfa/reset`,
        { method: "POST", body: {} }
      ),
    ...useInvalidatingOptions(
      [customerMfaKeys.detail(customerId), customerSessionKeys.detail(customerId)],
      options,
      securityActionActivityKeys(customerId)
    ),
  })
}
