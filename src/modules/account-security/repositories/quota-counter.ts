import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * Fixed-window counters (`security_counter`), e.g. reset requests per
 * identifier. Registered by Medusa as `quotaCounterRepository` (the model's
 * own `securityCounterRepository` stays Medusa's).
 */
export class QuotaCounterRepository {
  protected readonly pg: Knex

  constructor(cradle: Record<string, unknown>) {
    this.pg = cradle[ContainerRegistrationKeys.PG_CONNECTION] as Knex
  }

  /**
   * Counts one use in the window that starts at `windowStart` (a new window
   * when the row's is older) and returns the count and when the counted
   * window began: one atomic statement.
   */
  async increment(
    scope: string,
    key: string,
    now: Date,
    windowStart: Date
  ): Promise<{ count: number; window_started_at: Date }> {
    const { rows } = await this.pg.raw<{ rows: { count: number; window_started_at: Date }[] }>(
      `insert into security_counter as c (id, scope, key, count, window_started_at, created_at, updated_at)
       values (:id, :scope, :key, 1, :now, :now, :now)
       on conflict (scope, key) where deleted_at is null do update set
         count = case when c.window_started_at <= :window_start then 1 else c.count + 1 end,
         window_started_at = case when c.window_started_at <= :window_start then excluded.window_started_at
                             else c.window_started_at end,
         updated_at = excluded.updated_at
       returning count, window_started_at`,
      { id: generateEntityId(undefined, "seccnt"), scope, key, now, window_start: windowStart }
    )
    return { count: Number(rows[0].count), window_started_at: new Date(rows[0].window_started_at) }
  }

  /** Forgets one counter (a claim given back). */
  async remove(scope: string, key: string): Promise<void> {
    await this.pg.raw(`delete from security_counter where scope = :scope and key = :key`, { scope, key })
  }

  /** Deletes counters whose window started before `before` (they count as absent). Returns how many. */
  async prune(before: Date): Promise<number> {
    const { rowCount } = await this.pg.raw(`delete from security_counter where window_started_at < :before`, { before })
    return Number(rowCount ?? 0)
  }
}
