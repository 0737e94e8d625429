import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, getResolvedPlugins } from "@medusajs/framework/utils"
import apiLoader from "@medusajs/medusa/loaders/api"
import express from "express"

export type RegisteredRoute = { method: string; path: string }

type RouteLayer = { route?: { path: unknown; methods: Record<string, boolean> } }

/**
 * The routes the app registers under `/auth`, read from Express after
 * Medusa's own API loader built them with this app's configuration and
 * plugins (Medusa's routes, the plugin's, and their middlewares), not from a
 * list written by hand. GET routes also answer HEAD. Paths are Express
 * patterns (`/auth/:actor_type/:auth_provider`); RegExp middlewares are left
 * out (they guard one of these paths).
 */
export async function registeredAuthRoutes(container: MedusaContainer): Promise<RegisteredRoute[]> {
  return registeredRoutes(container, /^\/auth(\/|$)/)
}

/**
 * Every route the app registers whose path matches `under` (read as
 * {@link registeredAuthRoutes} reads the `/auth` ones).
 */
export async function registeredRoutes(container: MedusaContainer, under: RegExp): Promise<RegisteredRoute[]> {
  const configModule = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const plugins = await getResolvedPlugins(process.cwd(), configModule, true)
  const app = express()
  await apiLoader({ app, container, plugins })
  const stack = (app as unknown as { _router: { stack: RouteLayer[] } })._router.stack
  const seen = new Set<string>()
  for (const layer of stack) {
    const path = layer.route?.path
    if (typeof path !== "string" || !under.test(path)) {
      continue
    }
    for (const method of Object.keys(layer.route!.methods)) {
      const upper = method.toUpperCase()
      seen.add(`${upper} ${path}`)
      if (upper === "GET") {
        seen.add(`HEAD ${path}`)
      }
    }
  }
  return [...seen].sort().map((entry) => {
    const [method, path] = entry.split(" ")
    return { method, path }
  })
}

/** A concrete URL for a route pattern: each `:param` replaced by `values[param]` (else "x"). */
export function fillRoute(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? "x"))
}
