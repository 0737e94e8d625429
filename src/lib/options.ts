import { z } from "zod"

/**
 * The plugin's options, as a merchant passes them in `medusa-config.ts`:
 *
 * ```ts
 * plugins: [{ resolve: "medusa-customer-accounts", options: { ... } }]
 * ```
 *
 * Every default lives here, next to the rule that documents it. Unknown keys
 * are refused so that a typo (`lockuot`) fails at boot instead of silently
 * running with defaults.
 */
export const pluginOptionsSchema = z
  .object({
    /**
     * Shop name used as a context word by the password policy (a password
     * may not contain it). Defaults to the Store module's store name.
     */
    storeName: z.string().trim().min(1).optional(),
  })
  .strict()

export type PluginOptionsInput = z.input<typeof pluginOptionsSchema>
export type PluginOptions = z.output<typeof pluginOptionsSchema>

const PLUGIN_NAME = "medusa-customer-accounts"

/** Keys Medusa itself adds to every module's options (not the merchant's). */
const MEDUSA_INJECTED_KEYS = ["database"]

/**
 * Parses raw plugin options; throws one error that names every invalid
 * option path, e.g. `lockout.maxAttempts: Too small: expected number to be >0`.
 */
export function parsePluginOptions(raw: unknown): PluginOptions {
  const own = Object.fromEntries(
    Object.entries((raw ?? {}) as Record<string, unknown>).filter(
      ([key]) => !MEDUSA_INJECTED_KEYS.includes(key)
    )
  )
  const result = pluginOptionsSchema.safeParse(own)
  if (result.success) {
    return result.data
  }
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.join(".") : "(root)"
    return `"${path}": ${issue.message}`
  })
  throw new Error(
    `${PLUGIN_NAME}: invalid plugin option ${problems.join("; ")}`
  )
}
