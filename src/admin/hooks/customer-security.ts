import { customerActivityKeys, customerSecurityKeys } from "../lib/query-keys"
import { isNotFound } from "../lib/fetch-errors"

/**
 * What the customer security hooks share: the customer's admin path, the
 * queries an action makes stale, and the retry rule for password accounts.
 */
export const customerPath = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}`

/**
 * What an admin's security action changes at once: the customer's lockout
 * state.
 */
export const securityActionKeys = (customerId: string) => [
  customerSecurityKeys.detail(customerId),
]

/** Each security action also leaves an entry in the customer's timeline. */
export const securityActionActivityKeys = (customerId: string) => [
  customerActivityKeys.customer(customerId),
]

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
export const retryUnlessNotFound = (failureCount: number, error: Error) =>
  !isNotFound(error) && failureCount < PASSWORD_ACCOUNT_STATE_RETRIES
