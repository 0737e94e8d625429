import Medusa from "@medusajs/js-sdk"

/** Filled in by the host app's admin build (its backend URL), like Medusa's own plugins. */
declare const __BACKEND_URL__: string | undefined

/**
 * The one js-sdk client of the plugin's admin extensions. They run inside the
 * dashboard, behind its session cookie; the backend URL comes from the host
 * app's build, not from this plugin's, so "/" (same origin) is the fallback.
 */
export const sdk = new Medusa({
  baseUrl: (typeof __BACKEND_URL__ !== "undefined" && __BACKEND_URL__) || "/",
  debug: import.meta.env.DEV,
  auth: {
    type: "session",
  },
})
