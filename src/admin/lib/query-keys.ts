import type { ActivityKind } from "../../types/account-activity"
import type { AdminCustomerNoteListParams } from "../../types/customer-note"

/**
 * Query keys of the plugin's admin extensions. Every key starts with the
 * plugin's own root so it never collides with (or gets invalidated by) the
 * dashboard's keys such as `["customers", ...]`.
 */
export const CUSTOMER_ACCOUNTS_QUERY_ROOT = "customer-accounts" as const

export const customerAccountsKeys = {
  all: [CUSTOMER_ACCOUNTS_QUERY_ROOT] as const,
}

/**
 * Key ladder for a resource nested under a customer
 * (`/admin/customers/:id/<resource>`), from broad to narrow:
 *
 * ```
 * all                         every cached entry of the resource
 * customer(customerId)        everything of the resource for one customer
 * lists(customerId)           all list queries of that customer
 * list(customerId, params)    one list query
 * detail(customerId, id)      one item
 * ```
 *
 * Mutations invalidate `customer(customerId)`; queries use `list` or `detail`.
 * Add a resource with one line, e.g.
 * `customerScopedQueryKeys<PreferenceListParams>("customer-preferences")`.
 */
export const customerScopedQueryKeys = <TListParams extends object>(
  resource: string
) => {
  const all = [...customerAccountsKeys.all, resource] as const
  const customer = (customerId: string) => [...all, customerId] as const
  const lists = (customerId: string) =>
    [...customer(customerId), "list"] as const

  return {
    all,
    customer,
    lists,
    list: (customerId: string, params: TListParams) =>
      [...lists(customerId), params] as const,
    detail: (customerId: string, id: string) =>
      [...customer(customerId), "detail", id] as const,
  }
}

export const customerNoteKeys =
  customerScopedQueryKeys<CustomerNoteListKeyParams>("customer-notes")

/** What selects a notes list; the offset is the infinite page param. */
export type CustomerNoteListKeyParams = Omit<
  AdminCustomerNoteListParams,
  "offset"
>

/**
 * A customer's activity timeline. Every plugin mutation that leaves an entry
 * (notes, security actions, preferences, group runs) invalidates
 * `customer(customerId)`, or `all` when it may touch several customers.
 */
export const customerActivityKeys =
  customerScopedQueryKeys<CustomerActivityListKeyParams>("customer-activity")

/**
 * What selects a timeline list: the kinds (in `ACTIVITY_KINDS` order, all
 * when absent) and the page size; the offset is the infinite page param.
 */
export type CustomerActivityListKeyParams = {
  kind?: ActivityKind[]
  limit: number
}

/** The signed-in admin user (used to tell the viewer's own records apart). */
export const adminUserKeys = {
  all: [...customerAccountsKeys.all, "users"] as const,
  me: () => [...adminUserKeys.all, "me"] as const,
}

/**
 * A customer's account security (lock status, counters, recent login
 * attempts): one entry per customer, so no list/detail ladder.
 */
export const customerSecurityKeys = {
  all: [...customerAccountsKeys.all, "customer-security"] as const,
  detail: (customerId: string) =>
    [...customerSecurityKeys.all, customerId] as const,
}

/**
 * Whether a customer's e-mail address is verified: one entry per customer,
 * only ever for customers with an account (a guest has no address to verify).
 */
export const customerEmailVerificationKeys = {
  all: [...customerAccountsKeys.all, "customer-email-verification"] as const,
  detail: (customerId: string) =>
    [...customerEmailVerificationKeys.all, customerId] as const,
}

/**
 * A customer's MFA factors (Medusa's own: type, state, since when): one
 * entry per customer, only ever for customers with an account.
 */
export const customerMfaKeys = {
  all: [...customerAccountsKeys.all, "customer-mfa"] as const,
  detail: (customerId: string) =>
    [...customerMfaKeys.all, customerId] as const,
}

/**
 * A Back Office user's login security (lock status, counters, recent login
 * attempts, IP blocks): one entry per user, so no list/detail ladder.
 */
export const userSecurityKeys = {
  all: [...customerAccountsKeys.all, "user-security"] as const,
  detail: (userId: string) => [...userSecurityKeys.all, userId] as const,
}

/**
 * A customer's active sessions (device, IP, last seen): one list per
 * customer, newest first, so no list/detail ladder. Whatever ends sessions
 * (sign out everywhere, a password set by an admin, an MFA reset, an
 * anonymization) invalidates `detail(customerId)`.
 */
export const customerSessionKeys = {
  all: [...customerAccountsKeys.all, "customer-sessions"] as const,
  detail: (customerId: string) =>
    [...customerSessionKeys.all, customerId] as const,
}

/** A Back Office user's active sessions: one list per user, as for customers. */
export const userSessionKeys = {
  all: [...customerAccountsKeys.all, "user-sessions"] as const,
  detail: (userId: string) => [...userSessionKeys.all, userId] as const,
}

/** The store's password policy and admin password options. */
export const passwordPolicyKeys = {
  all: [...customerAccountsKeys.all, "password-policy"] as const,
  detail: () => [...passwordPolicyKeys.all, "detail"] as const,
}

/** The failed-login lockout in force (plugin options, read-only). */
export const securitySettingsKeys = {
  all: [...customerAccountsKeys.all, "security-settings"] as const,
  detail: () => [...securitySettingsKeys.all, "detail"] as const,
}

/**
 * The policy's verdict on a candidate password for one customer. The
 * password is part of the key, so the hook keeps such entries only while
 * they are on screen (`gcTime: 0`).
 */
export const passwordStrengthKeys = {
  all: [...customerAccountsKeys.all, "password-strength"] as const,
  check: (customerId: string, password: string) =>
    [...passwordStrengthKeys.all, customerId, password] as const,
}

/**
 * A customer's preferences (language, shipping, default addresses, marketing
 * consents): one entry per customer, so no list/detail ladder.
 */
export const customerPreferenceKeys = {
  all: [...customerAccountsKeys.all, "customer-preferences"] as const,
  detail: (customerId: string) =>
    [...customerPreferenceKeys.all, customerId] as const,
}

/**
 * Choices of the preferences form read from Medusa's own admin API (the
 * store's languages, shipping options). Kept under the plugin's root: they
 * hold a narrower field set than the dashboard's entries of the same data.
 */
export const preferenceChoiceKeys = {
  all: [...customerAccountsKeys.all, "preference-choices"] as const,
  locales: () => [...preferenceChoiceKeys.all, "locales"] as const,
  shippingOptions: () =>
    [...preferenceChoiceKeys.all, "shipping-options"] as const,
}

/**
 * Customer groups' automatic-membership rules and last runs: one entry per
 * group (`detail`, the group page) and the list of every group that has rules
 * (`list`, the settings page). Invalidating `all` refreshes both.
 */
export const customerGroupRuleKeys = {
  all: [...customerAccountsKeys.all, "customer-group-rules"] as const,
  list: () => [...customerGroupRuleKeys.all, "list"] as const,
  detail: (groupId: string) =>
    [...customerGroupRuleKeys.all, "detail", groupId] as const,
}

/** The plugin's store-wide settings (Settings > Customer accounts), one entry. */
export const customerAccountsSettingsKeys = {
  all: [...customerAccountsKeys.all, "settings"] as const,
  detail: () => [...customerAccountsSettingsKeys.all, "detail"] as const,
}

/** The groups a customer belongs to, each with how they got there. */
export const customerGroupMembershipKeys = {
  all: [...customerAccountsKeys.all, "customer-group-memberships"] as const,
  detail: (customerId: string) =>
    [...customerGroupMembershipKeys.all, customerId] as const,
}

/**
 * Choices of the group forms read from Medusa's admin API: the store's
 * currencies (rules form) and its customer groups (default groups).
 */
export const groupRuleChoiceKeys = {
  all: [...customerAccountsKeys.all, "group-rule-choices"] as const,
  currencies: () => [...groupRuleChoiceKeys.all, "currencies"] as const,
  customerGroups: () =>
    [...groupRuleChoiceKeys.all, "customer-groups"] as const,
}

/**
 * Roots of the dashboard's own query keys (`CUSTOMERS_QUERY_KEY`,
 * `CUSTOMER_GROUPS_QUERY_KEY`, `ORDERS_QUERY_KEY` in @medusajs/dashboard),
 * outside the plugin's root: only ever invalidated, when the plugin changed
 * what they show.
 */
export const dashboardKeys = {
  customers: ["customers"] as const,
  customerGroups: ["customer_groups"] as const,
  orders: ["orders"] as const,
}

/**
 * A customer's erasure state (active, erasure requested, anonymized): one
 * entry per customer, so no list/detail ladder.
 */
export const customerPrivacyKeys = {
  all: [...customerAccountsKeys.all, "customer-privacy"] as const,
  detail: (customerId: string) =>
    [...customerPrivacyKeys.all, customerId] as const,
}

/**
 * The erasure requests customers made that wait for an admin (the settings
 * page): one list, shrunk by every anonymization.
 */
export const erasureRequestKeys = {
  all: [...customerAccountsKeys.all, "erasure-requests"] as const,
  list: () => [...erasureRequestKeys.all, "list"] as const,
}

/** Staff permissions: every user's, the current user's, and the audit trail. */
export const staffPermissionKeys = {
  all: [CUSTOMER_ACCOUNTS_QUERY_ROOT, "staff-permissions"] as const,
  list: () => [...staffPermissionKeys.all, "list"] as const,
  me: () => [...staffPermissionKeys.all, "me"] as const,
  changes: () => [...staffPermissionKeys.all, "changes"] as const,
}

/**
 * Assisted shopping: one customer's consent and running assisted sessions
 * (`detail`, the customer page), and every running assisted session
 * (`sessions`, the settings page). Starting or ending a session invalidates
 * `all`: both lists show it.
 */
export const assistanceKeys = {
  all: [...customerAccountsKeys.all, "assistance"] as const,
  detail: (customerId: string) =>
    [...assistanceKeys.all, "customer", customerId] as const,
  sessions: () => [...assistanceKeys.all, "sessions"] as const,
}
