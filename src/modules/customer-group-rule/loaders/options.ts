import { asValue } from "@medusajs/framework/awilix"
import type { LoaderOptions } from "@medusajs/framework/types"
import { CUSTOMER_GROUPS_OPTION_KEYS, parseOptionsSlice } from "../../../lib/options"

/** Where the module's service finds its options (registered at boot). */
export const CUSTOMER_GROUP_RULE_OPTIONS = "customerGroupRuleOptions"

/** Parses the module's slice of the plugin options (`customerGroups`) once, at boot. */
export default async function customerGroupRuleOptionsLoader({
  container,
  options,
}: LoaderOptions<Record<string, unknown>>): Promise<void> {
  const { customerGroups } = parseOptionsSlice(options ?? {}, CUSTOMER_GROUPS_OPTION_KEYS)
  container.register(CUSTOMER_GROUP_RULE_OPTIONS, asValue(customerGroups))
}
