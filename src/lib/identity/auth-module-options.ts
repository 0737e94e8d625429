import { Modules } from "@medusajs/framework/utils"

/** A provider as the app's config lists it in the auth module's options. */
export type AuthProviderConfig = { id?: unknown; resolve?: unknown; options?: Record<string, unknown> }

/** The auth module's options as the app's config declares them. */
export type AuthModuleOptions = {
  providers?: AuthProviderConfig[]
  verification?: { providers?: AuthProviderConfig[] }
  mfa?: { providers?: AuthProviderConfig[] }
}

/**
 * The auth module's options from the app's config (`configModule.modules`,
 * where `defineConfig` keys each module by name): `{}` when the app
 * declares none, so Medusa's defaults apply.
 */
export function authModuleOptions(modules: unknown): AuthModuleOptions {
  const declaration = (modules as Record<string, unknown> | undefined)?.[Modules.AUTH]
  const options = declaration && typeof declaration === "object" ? (declaration as { options?: unknown }).options : null
  return options && typeof options === "object" ? (options as AuthModuleOptions) : {}
}
