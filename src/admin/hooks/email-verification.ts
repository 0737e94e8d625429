import { useMutation, useQuery } from "@tanstack/react-query"
import type { AdminEmailVerificationResponse, AdminMarkEmailVerifiedResponse, AdminResendEmailVerificationResponse } from "../../types/account-security"
import { customerEmailVerificationKeys } from "../lib/query-keys"
import { useInvalidatingOptions, type MutationOptions } from "../lib/mutation-options"
import { sdk } from "../lib/sdk"
import { customerPath, securityActionActivityKeys, retryUnlessNotFound } from "./customer-security"

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
