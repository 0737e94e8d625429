import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"

import type {
  AdminCustomerAccountsGroupRulesResponse,
  AdminCustomerAccountsSettingsResponse,
  AdminCustomerGroupMembershipsResponse,
  AdminCustomerGroupRulesResponse,
  AdminEvaluateCustomerGroupRulesResponse,
  CustomerAccountsSettings,
  GroupRuleSetInput,
} from "../../types/customer-group-rule"
import {
  customerAccountsSettingsKeys,
  customerActivityKeys,
  customerGroupMembershipKeys,
  customerGroupRuleKeys,
  dashboardKeys,
  groupRuleChoiceKeys,
} from "../lib/query-keys"
import {
  useInvalidatingOptions,
  type MutationOptions,
} from "../lib/mutation-options"
import { sdk } from "../lib/sdk"

/** How often the rules are refetched while a run is in progress. */
export const RULE_RUN_POLL_INTERVAL_MS = 2_000

const rulesPath = (groupId: string) =>
  `/admin/customer-groups/${encodeURIComponent(groupId)}/rules`

type CustomerGroupRulesOptions = {
  /** Refetch every 2 s (while a started run has not reported back). */
  poll?: boolean
}

/**
 * A group's rules, whether it is automatic and its last run. A group
 * without rules answers with an empty list, so this is never empty.
 */
export const useCustomerGroupRules = (
  groupId: string,
  { poll = false }: CustomerGroupRulesOptions = {}
) => {
  const { data, ...rest } = useQuery({
    queryKey: customerGroupRuleKeys.detail(groupId),
    queryFn: ({ signal }) =>
      sdk.client.fetch<AdminCustomerGroupRulesResponse>(rulesPath(groupId), {
        signal,
      }),
    refetchInterval: poll ? RULE_RUN_POLL_INTERVAL_MS : false,
  })

  return { ruleSet: data?.rule_set, ...rest }
}

/**
 * Every group that has rules, with its rules and last run, by name (the
 * settings page). Polls like `useCustomerGroupRules` while a run is pending.
 */
export const useCustomerGroupRuleSets = ({
  poll = false,
}: CustomerGroupRulesOptions = {}) => {
  const { data, ...rest } = useQuery({
    queryKey: customerGroupRuleKeys.list(),
    queryFn: ({ signal }) =>
      sdk.client.fetch<AdminCustomerAccountsGroupRulesResponse>(
        "/admin/customer-accounts/group-rules",
        { signal }
      ),
    refetchInterval: poll ? RULE_RUN_POLL_INTERVAL_MS : false,
  })

  return { groups: data?.groups, ...rest }
}

/** Replaces the group's whole rule list (an empty list ends automation). */
export const useUpdateCustomerGroupRules = (
  groupId: string,
  options?: MutationOptions<AdminCustomerGroupRulesResponse, GroupRuleSetInput>
) => {
  return useMutation({
    mutationFn: (payload: GroupRuleSetInput) =>
      sdk.client.fetch<AdminCustomerGroupRulesResponse>(rulesPath(groupId), {
        method: "POST",
        body: payload,
      }),
    ...useInvalidatingOptions(
      [customerGroupRuleKeys.detail(groupId), customerGroupRuleKeys.list()],
      options
    ),
  })
}

/**
 * Starts a run of the group's rules over all customers. The server answers
 * at once (202); the run updates `last_run` when done, so callers poll
 * `useCustomerGroupRules` until it changes.
 */
export const useEvaluateCustomerGroupRules = (
  groupId: string,
  options?: MutationOptions<AdminEvaluateCustomerGroupRulesResponse, void>
) => {
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminEvaluateCustomerGroupRulesResponse>(
        `${rulesPath(groupId)}/evaluate`,
        { method: "POST", body: {} }
      ),
    ...options,
  })
}

/**
 * Refetches what a finished run may have changed: the group's rules (last
 * run, on the group page and in the settings list), every customer's
 * memberships and timeline (a join or a departure is an entry), and the
 * dashboard's member lists.
 */
export const useInvalidateRuleRunResults = (groupId: string) => {
  const queryClient = useQueryClient()

  return () =>
    Promise.all(
      [
        customerGroupRuleKeys.detail(groupId),
        customerGroupRuleKeys.list(),
        customerGroupMembershipKeys.all,
        customerActivityKeys.all,
        // The group page's customer table and member count.
        dashboardKeys.customers,
        dashboardKeys.customerGroups,
      ].map((queryKey) => queryClient.invalidateQueries({ queryKey }))
    )
}

/** The currency codes the store supports (Settings > Store), in its order. */
export const useStoreCurrencies = () => {
  const { data, ...rest } = useQuery({
    queryKey: groupRuleChoiceKeys.currencies(),
    queryFn: () =>
      sdk.admin.store.list({ fields: "id,*supported_currencies" }),
    // An admin has one store.
    select: ({ stores }) =>
      stores[0]?.supported_currencies?.map(
        (currency) => currency.currency_code
      ) ?? [],
  })

  return { currencies: data, ...rest }
}

/**
 * Most customer groups offered as default groups. A store with more lists the
 * first ones by name; the page says so.
 */
export const CUSTOMER_GROUP_CHOICES_LIMIT = 200

/** The store's customer groups (id and name, by name) to choose default groups from. */
export const useCustomerGroupChoices = () => {
  const { data, ...rest } = useQuery({
    queryKey: groupRuleChoiceKeys.customerGroups(),
    queryFn: () =>
      sdk.admin.customerGroup.list({
        fields: "id,name",
        order: "name",
        limit: CUSTOMER_GROUP_CHOICES_LIMIT,
      }),
  })

  return {
    customerGroups: data?.customer_groups,
    count: data?.count,
    ...rest,
  }
}

/** The plugin's settings: the default groups every new customer account joins. */
export const useCustomerAccountsSettings = () => {
  const { data, ...rest } = useQuery({
    queryKey: customerAccountsSettingsKeys.detail(),
    queryFn: ({ signal }) =>
      sdk.client.fetch<AdminCustomerAccountsSettingsResponse>(
        "/admin/customer-accounts/settings",
        { signal }
      ),
  })

  return { settings: data?.settings, ...rest }
}

/** Replaces the default groups (an empty list: new accounts join no group). */
export const useUpdateCustomerAccountsSettings = (
  options?: MutationOptions<
    AdminCustomerAccountsSettingsResponse,
    CustomerAccountsSettings
  >
) => {
  return useMutation({
    mutationFn: (payload: CustomerAccountsSettings) =>
      sdk.client.fetch<AdminCustomerAccountsSettingsResponse>(
        "/admin/customer-accounts/settings",
        { method: "POST", body: payload }
      ),
    ...useInvalidatingOptions([customerAccountsSettingsKeys.detail()], options),
  })
}

/** The groups a customer is in, each with how they got there. */
export const useCustomerGroupMemberships = (customerId: string) => {
  const { data, ...rest } = useQuery({
    queryKey: customerGroupMembershipKeys.detail(customerId),
    queryFn: ({ signal }) =>
      sdk.client.fetch<AdminCustomerGroupMembershipsResponse>(
        `/admin/customers/${encodeURIComponent(customerId)}/group-memberships`,
        { signal }
      ),
  })

  return { memberships: data?.memberships, ...rest }
}
