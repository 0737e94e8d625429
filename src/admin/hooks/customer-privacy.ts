import { useMutation, useQuery } from "@tanstack/react-query"

import type {
  AdminAnonymizeCustomerResponse,
  AdminCustomerPrivacyResponse,
  AdminErasureRequestsResponse,
} from "../../types/customer-privacy"
import { filenameFromContentDisposition, saveBlob } from "../lib/download"
import {
  useInvalidatingOptions,
  type MutationOptions,
} from "../lib/mutation-options"
import {
  customerActivityKeys,
  customerEmailVerificationKeys,
  customerGroupMembershipKeys,
  customerMfaKeys,
  customerNoteKeys,
  customerPreferenceKeys,
  customerPrivacyKeys,
  customerSecurityKeys,
  customerSessionKeys,
  dashboardKeys,
  erasureRequestKeys,
} from "../lib/query-keys"
import { sdk } from "../lib/sdk"

const customerPath = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}`

/** The name the export is saved under when the answer proposes none. */
const exportFilename = (customerId: string) =>
  `customer-${customerId}-export.json`

/**
 * Whether the customer asked for erasure (`requested`, an admin confirms) or
 * was anonymized, and when; also their current e-mail, which the admin types
 * to confirm an anonymization.
 */
export const useCustomerPrivacy = (customerId: string) => {
  const { data, ...rest } = useQuery({
    queryKey: customerPrivacyKeys.detail(customerId),
    queryFn: ({ signal }) =>
      sdk.client.fetch<AdminCustomerPrivacyResponse>(
        `${customerPath(customerId)}/privacy`,
        { signal }
      ),
  })

  return { privacy: data?.privacy, ...rest }
}

/**
 * The erasure requests waiting for an admin, oldest first (the first due),
 * with each customer's name and e-mail; `count` is how many wait in all
 * (the list holds the oldest 200).
 */
export const useErasureRequests = () => {
  const { data, ...rest } = useQuery({
    queryKey: erasureRequestKeys.list(),
    queryFn: ({ signal }) =>
      sdk.client.fetch<AdminErasureRequestsResponse>(
        "/admin/customer-accounts/erasure-requests",
        { signal }
      ),
  })

  return {
    erasureRequests: data?.erasure_requests,
    count: data?.count,
    ...rest,
  }
}

export type CustomerDataExportFile = { filename: string }

/**
 * Downloads everything the shop holds about the customer as the JSON file
 * the route answers, saved as the browser's download under the name it
 * proposes. The timeline entry (`account.exported`, by the admin) is written
 * by a subscriber a moment later.
 */
export const useExportCustomerData = (
  customerId: string,
  options?: MutationOptions<CustomerDataExportFile, void>
) => {
  return useMutation({
    mutationFn: async (): Promise<CustomerDataExportFile> => {
      // Any `accept` but JSON: the js-sdk then answers the raw response
      // (errors still throw a FetchError), so the file keeps the server's
      // bytes and its proposed name.
      const response = await sdk.client.fetch<Response>(
        `${customerPath(customerId)}/export`,
        { headers: { accept: "*/*" } }
      )
      const filename =
        filenameFromContentDisposition(
          response.headers.get("content-disposition")
        ) ?? exportFilename(customerId)
      saveBlob(await response.blob(), filename)
      return { filename }
    },
    ...useInvalidatingOptions([], options, [
      customerActivityKeys.customer(customerId),
    ]),
  })
}

export type AnonymizeCustomerPayload = {
  /** The customer's current e-mail, as the admin typed it. */
  confirm: string
}

/**
 * What an anonymization changes: everything the plugin shows about the
 * customer (erased or replaced; every session ended), the erasure requests
 * waiting (a request is settled by it), and the dashboard's own customer and
 * order queries (names, e-mail, addresses; orders when the shop redacts them).
 */
const anonymizedKeys = (customerId: string) => [
  customerPrivacyKeys.detail(customerId),
  customerSecurityKeys.detail(customerId),
  customerSessionKeys.detail(customerId),
  customerEmailVerificationKeys.detail(customerId),
  customerMfaKeys.detail(customerId),
  customerNoteKeys.customer(customerId),
  customerPreferenceKeys.detail(customerId),
  customerGroupMembershipKeys.detail(customerId),
  erasureRequestKeys.all,
  dashboardKeys.customers,
  dashboardKeys.orders,
]

/**
 * Anonymizes the customer, irreversibly: names, e-mail, phone and company
 * replaced; addresses, login, preferences, notes and sign-in history erased.
 * The route refuses (400) a `confirm` other than the customer's current
 * e-mail, and a customer anonymized already. The timeline entry is written
 * by a subscriber a moment later.
 */
export const useAnonymizeCustomer = (
  customerId: string,
  options?: MutationOptions<
    AdminAnonymizeCustomerResponse,
    AnonymizeCustomerPayload
  >
) => {
  return useMutation({
    mutationFn: ({ confirm }: AnonymizeCustomerPayload) =>
      sdk.client.fetch<AdminAnonymizeCustomerResponse>(
        `${customerPath(customerId)}/anonymize`,
        { method: "POST", body: { confirm } }
      ),
    ...useInvalidatingOptions(anonymizedKeys(customerId), options, [
      customerActivityKeys.customer(customerId),
    ]),
  })
}
