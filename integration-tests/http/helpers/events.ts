import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { deferredWork } from "../../../src/lib/deferred-work"

type EmittedEvent = { name: string; data: unknown; metadata?: { eventGroupId?: string } }
type EventBus = {
  emit: (data: unknown, options?: unknown) => Promise<void>
  releaseGroupedEvents: (eventGroupId: string) => Promise<void>
  clearGroupedEvents: (eventGroupId: string, options?: { eventNames?: string[] }) => Promise<void>
}

/**
 * Records every event the app emits (the real event bus still delivers
 * them). A workflow's events wait in a group until it ends: `delivered`
 * leaves out those of workflows that failed (their group was cleared, never
 * released). Call `stop()` in a `finally` or `afterEach`.
 */
export function captureEvents(container: MedusaContainer) {
  const eventBus = container.resolve(Modules.EVENT_BUS) as EventBus
  const { emit, releaseGroupedEvents, clearGroupedEvents } = eventBus
  const events: EmittedEvent[] = []
  const released = new Set<string>()
  /** Groups dropped unreleased: every event (null) or the events of these names. */
  const dropped = new Map<string, Set<string> | null>()
  eventBus.emit = async function (data: unknown, options?: unknown) {
    events.push(...([data].flat() as EmittedEvent[]))
    return emit.call(this, data, options)
  }
  eventBus.releaseGroupedEvents = async function (eventGroupId: string) {
    released.add(eventGroupId)
    return releaseGroupedEvents.call(this, eventGroupId)
  }
  eventBus.clearGroupedEvents = async function (eventGroupId: string, options?: { eventNames?: string[] }) {
    // Releasing clears the group too; only a clear without release drops events.
    if (!released.has(eventGroupId) && dropped.get(eventGroupId) !== null) {
      const names = options?.eventNames
      dropped.set(eventGroupId, names ? new Set([...(dropped.get(eventGroupId) ?? []), ...names]) : null)
    }
    return clearGroupedEvents.call(this, eventGroupId, options)
  }
  const wasDropped = (event: EmittedEvent) => {
    const group = event.metadata?.eventGroupId
    if (!group || !dropped.has(group)) {
      return false
    }
    const names = dropped.get(group)
    return names === null || !!names?.has(event.name)
  }
  return {
    events,
    named: (name: string) => events.filter((event) => event.name === name),
    /** Events of this name that reach subscribers (or will, once their workflow ends). */
    delivered: (name: string) => events.filter((event) => event.name === name && !wasDropped(event)),
    stop: () => {
      Object.assign(eventBus, { emit, releaseGroupedEvents, clearGroupedEvents })
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

/**
 * Waits until the work that answered requests left behind has run (reset
 * requests, verification resends and address changes wait a random time
 * first: src/lib/deferred-work.ts), then `quietMs` for the subscribers that
 * work started. A check that nothing was sent comes after this, never after
 * a fixed sleep that the random delay could outlast.
 */
export async function backgroundSettled(quietMs = 500): Promise<void> {
  await deferredWork.settled()
  await new Promise((resolve) => setTimeout(resolve, quietMs))
}
