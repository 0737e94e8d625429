import { asValue } from "@medusajs/framework/awilix"
import type { LoaderOptions } from "@medusajs/framework/types"
import { ACCOUNT_ACTIVITY_OPTION_KEYS, parseOptionsSlice } from "../../../lib/options"

/** Where the module's service finds its options (registered at boot). */
export const ACCOUNT_ACTIVITY_OPTIONS = "accountActivityOptions"

/** Parses the module's slice of the plugin options once, at boot. */
export default async function accountActivityOptionsLoader({
  container,
  options,
}: LoaderOptions<Record<string, unknown>>): Promise<void> {
  container.register(ACCOUNT_ACTIVITY_OPTIONS, asValue(parseOptionsSlice(options ?? {}, ACCOUNT_ACTIVITY_OPTION_KEYS)))
}
