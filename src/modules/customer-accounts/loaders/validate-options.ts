import { asValue } from "@medusajs/framework/awilix"
import type { LoaderOptions } from "@medusajs/framework/types"
import { CUSTOMER_ACCOUNTS_OPTION_KEYS, parseOptionsSlice, parsePluginOptions } from "../../../lib/options"

/** Where the module's service finds its options (registered at boot). */
export const CUSTOMER_ACCOUNTS_OPTIONS = "customerAccountsOptions"

/**
 * Medusa hands the plugin's options to every module of the plugin; each
 * module reads its own slice, and this one checks them as a whole, once:
 * a misconfigured plugin (a wrong value, or an unknown key such as
 * `lockuot`) fails at boot with a message naming the option, not at the
 * first request. Its own slice (staff permissions, privacy, anonymize) goes
 * to its service.
 */
export default async function validateOptionsLoader({
  container,
  options,
}: LoaderOptions<Record<string, unknown>>): Promise<void> {
  parsePluginOptions(options ?? {})
  container.register(CUSTOMER_ACCOUNTS_OPTIONS, asValue(parseOptionsSlice(options ?? {}, CUSTOMER_ACCOUNTS_OPTION_KEYS)))
}
