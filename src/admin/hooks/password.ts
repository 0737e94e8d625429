import { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import type {
  AdminPasswordPolicyResponse,
  AdminPasswordResetResponse,
  AdminPasswordStrengthResponse,
  AdminSetPasswordResponse,
  PasswordStrength,
} from "../../types/account-security"
import { customerSessionKeys, passwordPolicyKeys, passwordStrengthKeys } from "../lib/query-keys"
import { useInvalidatingOptions, type MutationOptions } from "../lib/mutation-options"
import { sdk } from "../lib/sdk"
import { customerPath, securityActionKeys, securityActionActivityKeys } from "./customer-security"

/** Pause after the last keystroke before a password is sent for checking. */
export const PASSWORD_STRENGTH_DEBOUNCE_MS = 300

type SetPasswordPayload = { password: string }

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
