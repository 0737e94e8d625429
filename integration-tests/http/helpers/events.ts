import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

type EmittedEvent = { name: string; data: unknown }
type EventBus = { emit: (data: unknown, options?: unknown) => Promise<void> }

/**
 * Records every event the app emits (the real event bus still delivers
 * them). Call `stop()` in a `finally` or `afterEach`.
 */
export function captureEvents(container: MedusaContainer) {
  const eventBus = container.resolve(Modules.EVENT_BUS) as EventBus
  const original = eventBus.emit
  const events: EmittedEvent[] = []
  eventBus.emit = async function (data: unknown, options?: unknown) {
    events.push(...([data].flat() as EmittedEvent[]))
    return original.call(this, data, options)
  }
  return {
    events,
    named: (name: string) => events.filter((event) => event.name === name),
    stop: () => {
      eventBus.emit = original
    },
  }
}

/** Polls until `check` returns a value (subscribers run after the response). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  { timeoutMs = 5000, intervalMs = 50 } = {}
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error("Condition not met in time")
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
