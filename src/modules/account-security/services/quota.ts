import { projectClock } from "../../../lib/clock"
import type { QuotaCounterRepository } from "../repositories/quota-counter"
import type { QuotaResult } from "../types"

/**
 * Rate limits in fixed windows, shared by every instance (reset requests per
 * identifier). An internal service of the module (`quotaService`).
 */
export class QuotaService {
  protected readonly counters: QuotaCounterRepository
  protected readonly clock = projectClock

  constructor(cradle: Record<string, unknown>) {
    this.counters = cradle.quotaCounterRepository as QuotaCounterRepository
  }

  /**
   * Counts one use of a quota and says whether it is still within `max`.
   * One atomic statement: concurrent callers on any instance each get their
   * own count.
   */
  async consume(scope: string, key: string, max: number, windowSeconds: number): Promise<QuotaResult> {
    const now = this.clock.now()
    const { count, window_started_at } = await this.counters.increment(
      scope,
      key,
      now,
      new Date(now.getTime() - windowSeconds * 1000)
    )
    const endsInMs = window_started_at.getTime() + windowSeconds * 1000 - now.getTime()
    return { allowed: count <= max, count, retryAfterSeconds: Math.max(1, Math.ceil(endsInMs / 1000)) }
  }

  /**
   * Claims a one-time key for `windowSeconds` (e.g. an MFA code that must
   * not work twice): true for exactly one caller, on any instance.
   */
  async claim(scope: string, key: string, windowSeconds: number): Promise<boolean> {
    return (await this.consume(scope, key, 1, windowSeconds)).allowed
  }

  /** Gives a claim back (the code it guarded was not used after all). */
  async release(scope: string, key: string): Promise<void> {
    await this.counters.remove(scope, key)
  }

  /**
   * Deletes counters whose window started more than `olderThanSeconds` ago:
   * longer than any window, so nothing a limit still counts. Returns how many.
   */
  async prune(olderThanSeconds: number): Promise<number> {
    return this.counters.prune(new Date(this.clock.now().getTime() - olderThanSeconds * 1000))
  }
}
