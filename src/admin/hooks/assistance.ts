import { useMutation, useQuery } from "@tanstack/react-query"

import {
  useInvalidatingOptions,
  type MutationOptions,
} from "../lib/mutation-options"
import {
  assistanceKeys,
  customerActivityKeys,
  customerSessionKeys,
} from "../lib/query-keys"
import { sdk } from "../lib/sdk"

/** A Back Office user or a customer as the assistance routes name them. */
export type AssistancePerson = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
}

/** Whether the customer allows store staff to sign in as them, and until when. */
export type AssistanceConsent = {
  /** False when the shop runs with `assistance.consent: "not_required"`. */
  required: boolean
  allowed: boolean
  granted_at: string | null
  /** Null: until the customer withdraws it. */
  expires_at: string | null
}

/** A running assisted session: who signed in as the customer, why, since and until when. */
export type AssistanceSession = {
  id: string
  user_id: string
  /** Null once the user was deleted. */
  user: AssistancePerson | null
  reason: string
  started_at: string
  /** The hard end (`assistance.maxMinutes` after the start); refreshes do not move it. */
  ends_at: string
}

export type AdminCustomerAssistanceResponse = {
  assistance: {
    /** The plugin option `assistance.enabled`. */
    enabled: boolean
    consent: AssistanceConsent
    sessions: AssistanceSession[]
  }
}

export type AdminStartAssistanceResponse = {
  assistance: {
    /** `assistance.storefrontUrl` with the code in place; null when the option is not set. */
    url: string | null
    /** Single use. */
    code: string
    /** When the code stops working (two minutes after the start). */
    expires_at: string
  }
}

export type AdminEndAssistanceResponse = { ended: number }

/** A running assisted session with the customer it is for (the settings page). */
export type AssistanceSessionWithCustomer = AssistanceSession & {
  /** Null when the session's identity no longer belongs to a customer. */
  customer_id: string | null
  /** Null once the customer was deleted. */
  customer: AssistancePerson | null
}

export type AdminAssistanceSessionsResponse = {
  sessions: AssistanceSessionWithCustomer[]
}

const assistancePath = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}/assistance`

/**
 * Whether assisted shopping is on, the customer's consent and their running
 * assisted sessions. While the feature is off the route may answer 404
 * instead of `enabled: false`: the widget treats both alike.
 */
export const useCustomerAssistance = (customerId: string) => {
  const { data, ...rest } = useQuery({
    queryKey: assistanceKeys.detail(customerId),
    queryFn: ({ signal }) =>
      sdk.client.fetch<AdminCustomerAssistanceResponse>(
        assistancePath(customerId),
        { signal }
      ),
    // A 404 means "off": asking again will not change that.
    retry: false,
  })

  return { assistance: data?.assistance, ...rest }
}

/** Every running assisted session, newest first; 404 while the feature is off. */
export const useAssistanceSessions = () => {
  const { data, ...rest } = useQuery({
    queryKey: assistanceKeys.sessions(),
    queryFn: ({ signal }) =>
      sdk.client.fetch<AdminAssistanceSessionsResponse>(
        "/admin/customer-accounts/assistance-sessions",
        { signal }
      ),
    retry: false,
  })

  return { sessions: data?.sessions, ...rest }
}

export type StartAssistancePayload = {
  /** Why staff sign in as the customer (3 to 500 characters); on the timeline. */
  reason: string
}

/**
 * Issues a one-time code (and the storefront link carrying it) that signs
 * in as the customer. Needs `assistance.start` and, where the shop requires
 * it, the customer's consent. Nothing runs until the code is exchanged in
 * the storefront; the session then shows in the lists.
 */
export const useStartAssistance = (
  customerId: string,
  options?: MutationOptions<AdminStartAssistanceResponse, StartAssistancePayload>
) =>
  useMutation({
    mutationFn: ({ reason }: StartAssistancePayload) =>
      sdk.client.fetch<AdminStartAssistanceResponse>(assistancePath(customerId), {
        method: "POST",
        body: { reason },
      }),
    ...useInvalidatingOptions([assistanceKeys.all], options, [
      customerActivityKeys.customer(customerId),
    ]),
  })

export type EndAssistancePayload = {
  /** The session to end; all of the customer's assisted sessions when absent. */
  sessionId?: string
}

/**
 * Ends one assisted session of the customer (or all of them): its tokens
 * stop working at once. Needs `sessions.revoke`.
 */
export const useEndAssistance = (
  customerId: string,
  options?: MutationOptions<AdminEndAssistanceResponse, EndAssistancePayload>
) =>
  useMutation({
    mutationFn: ({ sessionId }: EndAssistancePayload) =>
      sdk.client.fetch<AdminEndAssistanceResponse>(
        `${assistancePath(customerId)}/end`,
        {
          method: "POST",
          body: sessionId ? { session_id: sessionId } : {},
        }
      ),
    ...useInvalidatingOptions(
      [assistanceKeys.all, customerSessionKeys.detail(customerId)],
      options,
      [customerActivityKeys.customer(customerId)]
    ),
  })
