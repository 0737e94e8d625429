import type { LoaderOptions, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { parsePluginOptions, type PluginOptions } from "../../../lib/options"

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
  "proxies in front of Medusa. See the README, \"Client IP behind proxies\"."

/** Whether client-supplied headers may decide the IP the lockout counts. */
export function forwardedForWarning(options: PluginOptions): string | null {
  return options.lockout.enabled && options.lockout.trustedProxyHops === null ? FORWARDED_FOR_WARNING : null
}

/**
 * Medusa hands the plugin's options to every module of the plugin; this
 * module owns them. Parsing them in a loader makes a misconfigured plugin fail
 * at boot, with a message naming the option, not at the first request. Also
 * warns (once, at boot) when the client IP comes from a header the merchant
 * has not vouched for.
 */
export default async function validateOptionsLoader({
  container,
  options,
}: LoaderOptions<Record<string, unknown>>): Promise<void> {
  const warning = forwardedForWarning(parsePluginOptions(options ?? {}))
  if (warning) {
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(warning)
  }
}
