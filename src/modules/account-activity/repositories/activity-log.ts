import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ACTIVITY_TYPES } from "../../../types/account-activity"
import type { AccountActivityFilters, AccountActivityRecord, NewAccountActivity } from "../types"

/** Longest stored user agent / IP: headers are the client's to choose. */
const MAX_USER_AGENT = 512
const MAX_IP = 64

const COLUMNS = [
  "id",
  "customer_id",
  "kind",
  "type",
  "actor_type",
  "actor_id",
  "ip",
  "user_agent",
  "data",
  "customer_visible",
  "occurred_at",
] as const

/**
 * The SQL of the activity log (`account_activity`): insert-only writes,
 * the timeline's page and count, and the retention delete. Registered by
 * Medusa as `activityLogRepository`.
 */
export class ActivityLogRepository {
  protected readonly pg: Knex

  constructor(cradle: Record<string, unknown>) {
    this.pg = cradle[ContainerRegistrationKeys.PG_CONNECTION] as Knex
  }

  /** Inserts the entries; those whose `source_key` is already stored are skipped. Returns how many were written. */
  async insert(entries: NewAccountActivity[], now: Date): Promise<number> {
    if (!entries.length) {
      return 0
    }
    const rows = entries.map((entry) => ({
      id: generateEntityId(undefined, "cact"),
      customer_id: entry.customer_id,
      kind: ACTIVITY_TYPES[entry.type],
      type: entry.type,
      actor_type: entry.actor_type,
      actor_id: entry.actor_id ?? null,
      ip: entry.ip ? entry.ip.slice(0, MAX_IP) : null,
      user_agent: entry.user_agent ? entry.user_agent.slice(0, MAX_USER_AGENT) : null,
      data: JSON.stringify(entry.data ?? {}),
      customer_visible: entry.customer_visible ?? false,
      source_key: entry.source_key ?? null,
      occurred_at: entry.occurred_at ?? now,
      created_at: now,
      updated_at: now,
    }))
    const insert = this.pg("account_activity").insert(rows).toSQL()
    const { rows: written } = await this.pg.raw<{ rows: { id: string }[] }>(
      `${insert.sql} on conflict (source_key) where source_key is not null and deleted_at is null do nothing returning id`,
      insert.bindings as Knex.ValueDict[]
    )
    return written.length
  }

  protected filtered(filters: AccountActivityFilters) {
    const query = this.pg("account_activity").where("customer_id", filters.customer_id).whereNull("deleted_at")
    if (filters.kinds?.length) {
      query.whereIn("kind", filters.kinds)
    }
    if (filters.types?.length) {
      query.whereIn("type", filters.types)
    }
    if (filters.customer_visible !== undefined) {
      query.where("customer_visible", filters.customer_visible)
    }
    if (filters.since) {
      query.where("occurred_at", ">=", filters.since)
    }
    if (filters.exclude_source_key) {
      query.whereRaw("source_key is distinct from ?", [filters.exclude_source_key])
    }
    return query
  }

  /** One page of a customer's timeline, newest first, and how many entries match. */
  async page(
    filters: AccountActivityFilters,
    { limit, offset }: { limit: number; offset: number }
  ): Promise<[AccountActivityRecord[], number]> {
    const [rows, [{ count }]] = await Promise.all([
      this.filtered(filters)
        .select(COLUMNS)
        .orderBy([
          { column: "occurred_at", order: "desc" },
          { column: "id", order: "desc" },
        ])
        .limit(limit)
        .offset(offset),
      this.filtered(filters).count<{ count: string }[]>({ count: "*" }),
    ])
    return [rows.map((row) => ({ ...row, data: row.data ?? {} })) as AccountActivityRecord[], Number(count)]
  }

  /**
   * Erases what a customer's entries say about the person (IP, browser,
   * details such as addresses in `data`), keeping what happened and when:
   * the one update the append-only trigger allows, inside this transaction.
   * Returns how many entries were erased.
   */
  async eraseDetailsOf(customerId: string): Promise<number> {
    return this.pg.transaction(async (trx) => {
      await trx.raw(`set local cam.account_activity_erase = 'on'`)
      const { rowCount } = await trx.raw(
        `update account_activity set ip = null, user_agent = null, data = '{}'::jsonb where customer_id = ?`,
        [customerId]
      )
      return Number(rowCount ?? 0)
    })
  }

  /**
   * Deletes entries that occurred before `before`, `batchSize` at a time (each
   * batch its own short transaction, the only one the append-only trigger
   * lets delete). Returns how many were deleted.
   */
  async deleteOlderThan(before: Date, batchSize: number): Promise<number> {
    let deleted = 0
    for (;;) {
      const count = await this.pg.transaction(async (trx) => {
        await trx.raw(`set local cam.account_activity_prune = 'on'`)
        const { rowCount } = await trx.raw(
          `delete from account_activity where id in (
             select id from account_activity where occurred_at < ? and deleted_at is null order by occurred_at limit ?)`,
          [before, batchSize]
        )
        return Number(rowCount ?? 0)
      })
      deleted += count
      if (count < batchSize) {
        return deleted
      }
    }
  }
}
