import { useMutation, useQuery } from "@tanstack/react-query"
import type { AdminCustomerMfaResponse, AdminResetCustomerMfaResponse } from "../../types/account-security"
import { customerMfaKeys, customerSessionKeys } from "../lib/query-keys"
import { useInvalidatingOptions, type MutationOptions } from "../lib/mutation-options"
import { sdk } from "../lib/sdk"
import { customerPath, securityActionActivityKeys, retryUnlessNotFound } from "./customer-security"

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
