import { LoaderOptions } from "@medusajs/framework/types"
import { parsePluginOptions } from "../../../lib/options"

/**
 * Medusa hands the plugin's options to every module of the plugin. Parsing
 * them here makes a misconfigured plugin fail at boot, with a message naming
 * the option, instead of at the first request that needs it.
 */
export default async function validateOptionsLoader({
  options,
}: LoaderOptions<Record<string, unknown>>): Promise<void> {
  parsePluginOptions(options ?? {})
}
