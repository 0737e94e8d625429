import type { LoaderOptions } from "@medusajs/framework/types"
import { parsePluginOptions } from "../../../lib/options"

/**
 * Medusa hands the plugin's options to every module of the plugin; each
 * module reads its own slice, and this one checks them as a whole, once:
 * a misconfigured plugin (a wrong value, or an unknown key such as
 * `lockuot`) fails at boot with a message naming the option, not at the
 * first request.
 */
export default async function validateOptionsLoader({
  options,
}: LoaderOptions<Record<string, unknown>>): Promise<void> {
  parsePluginOptions(options ?? {})
}
