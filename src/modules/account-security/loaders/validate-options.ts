import { LoaderOptions } from "@medusajs/framework/types"
import { parsePluginOptions } from "../../../lib/options"

/**
 * Medusa hands the plugin's options to every module of the plugin; this
 * module owns them. Parsing them in a loader makes a misconfigured plugin fail
 * at boot, with a message naming the option, not at the first request.
 */
export default async function validateOptionsLoader({
  options,
}: LoaderOptions<Record<string, unknown>>): Promise<void> {
  parsePluginOptions(options ?? {})
}
