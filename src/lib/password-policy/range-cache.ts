import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { SharedRangeCache } from "./breached"

type CachingService = {
  get(input: { key: string }): Promise<unknown>
  set(input: { key: string; data: object; ttl?: number }): Promise<void>
}

/**
 * Medusa's caching module (Redis when the app configures it) as the breach
 * screen's shared cache, so that instances share range answers; undefined
 * when the app has no caching module (then each instance keeps its own, in
 * memory). Failures of the cache are the screen's to ignore.
 */
export function sharedRangeCache(container: MedusaContainer): SharedRangeCache | undefined {
  const caching = container.resolve<CachingService | undefined>(Modules.CACHING, { allowUnregistered: true })
  if (!caching) {
    return undefined
  }
  return {
    get: async (key) => {
      const data = (await caching.get({ key })) as { range?: unknown } | null
      return typeof data?.range === "string" ? data.range : null
    },
    set: (key, range, ttlSeconds) => caching.set({ key, data: { range }, ttl: ttlSeconds }),
  }
}
