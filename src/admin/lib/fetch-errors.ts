import { FetchError } from "@medusajs/js-sdk"

/**
 * The route answered 404. For a customer's password-account state (e-mail
 * verification, MFA) that is final: the customer has no password account.
 */
export const isNotFound = (error: unknown): boolean =>
  error instanceof FetchError && error.status === 404
