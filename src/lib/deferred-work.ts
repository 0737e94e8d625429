import { randomInt } from "node:crypto"

/**
 * Work that a request starts but must not time: what follows an answer that
 * is the same for a known and an unknown address (a reset request, a resend
 * of the verification e-mail, an address change to a free or a taken
 * address). Only one of the two branches has work to do (look the identity
 * up, issue a token, write and send an e-mail), and work run right after the
 * answer delays the next request on the same instance: a fixed follow-up
 * request measured 92-95 ms after a reset for a known address against 78-80
 * ms for an unknown one.
 *
 * So the work waits a random time first (`DEFERRAL_WINDOW_MS`), off the path
 * of the requests that follow, and a follow-up request costs the same in
 * both branches (`npm run bench`, "follow-up after"). What remains: the work
 * still runs on this instance at some moment within the window; an observer
 * would have to probe the server continuously over the whole window, many
 * times over, which the per-address request budgets (`passwordReset.
 * maxRequests`, `emailVerification.maxRequests`, `emailChange.maxAddresses`)
 * bound. Work still waiting when the process ends is lost, like any
 * in-process background job: the person asks again.
 */
export const DEFERRAL_WINDOW_MS = { min: 100, max: 700 } as const

class DeferredWork {
  private readonly pending = new Set<Promise<void>>()

  /**
   * Runs `run` after a random delay within `DEFERRAL_WINDOW_MS`. A failure
   * goes to `onError` (the request that started the work has been answered).
   */
  schedule(run: () => Promise<unknown>, onError: (error: unknown) => void): void {
    const delay = randomInt(DEFERRAL_WINDOW_MS.min, DEFERRAL_WINDOW_MS.max + 1)
    const job: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, delay))
      .then(async () => void (await run()))
      .catch(onError)
      .finally(() => this.pending.delete(job))
    this.pending.add(job)
  }

  /** How many jobs wait or run. */
  get size(): number {
    return this.pending.size
  }

  /** Resolves once no job waits or runs (jobs scheduled meanwhile included). */
  async settled(): Promise<void> {
    while (this.pending.size) {
      await Promise.allSettled([...this.pending])
    }
  }
}

/**
 * One queue per process. Kept on `globalThis` under a registered symbol so
 * that every copy of this module (Medusa loads the plugin's files, a test
 * runner may load them again) shares it, and `settled()` seen from a test is
 * the queue the routes fill.
 */
const KEY = Symbol.for("medusa-customer-accounts.deferred-work")
const holder = globalThis as typeof globalThis & { [KEY]?: DeferredWork }

export const deferredWork: DeferredWork = (holder[KEY] ??= new DeferredWork())
