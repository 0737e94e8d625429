import { asValue } from "@medusajs/framework/awilix"
import type { LoaderOptions, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  ACCOUNT_SECURITY_OPTION_KEYS,
  parseOptionsSlice,
  type AccountSecurityOptions,
} from "../../../lib/options"

/** Where the module's service finds its options (registered at boot). */
export const ACCOUNT_SECURITY_OPTIONS = "accountSecurityOptions"

/**
 * Logged once at boot while the lockout reads the client IP from
 * X-Forwarded-For without the merchant having said how many proxies stand in
 * front of Medusa.
 */
export const FORWARDED_FOR_WARNING =
  "medusa-customer-accounts: the login lockout takes the client IP from X-Forwarded-For, " +
  "trusting one proxy hop as Medusa does (lockout.trustedProxyHops is not set). " +
  "If clients can reach Medusa without passing that proxy, they choose their own IP and " +
  "escape the per-IP limit: set lockout.trustedProxyHops to 0 (no proxy) or to the number of " +
  "proxies in front of Medusa. See docs/production.md, \"Client IP behind proxies\"."

/** Whether client-supplied headers may decide the IP the lockout counts. */
export function forwardedForWarning(options: Pick<AccountSecurityOptions, "lockout">): string | null {
  return options.lockout.enabled && options.lockout.trustedProxyHops === null ? FORWARDED_FOR_WARNING : null
}

/**
 * Parses the module's slice of the plugin options (password policy, resets,
 * lockout) once, at boot, for its service; and warns once when the client
 * IP comes from a header the merchant has not vouched for.
 */
export default async function accountSecurityOptionsLoader({
  container,
  options,
}: LoaderOptions<Record<string, unknown>>): Promise<void> {
  const parsed = parseOptionsSlice(options ?? {}, ACCOUNT_SECURITY_OPTION_KEYS)
  container.register(ACCOUNT_SECURITY_OPTIONS, asValue(parsed))
  const warning = forwardedForWarning(parsed)
  if (warning) {
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(warning)
  }
}
