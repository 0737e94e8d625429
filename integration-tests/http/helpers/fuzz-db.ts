import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { deferredWork } from "../../../src/lib/deferred-work"
import { backgroundSettled } from "./events"

/** The plugin's own tables (from src/modules/*\/migrations). */
export const PLUGIN_TABLES = [
  "customer_note",
  "customer_preference",
  "customer_group_rule_set",
  "customer_accounts_setting",
  "login_attempt",
  "login_throttle",
  "password_history",
  "security_counter",
] as const

/** Core tables the plugin's routes, hooks and subscribers write to. */
export const CORE_TABLES = [
  "customer",
  "customer_address",
  "customer_group",
  "customer_group_customer",
  "auth_identity",
  "provider_identity",
  "auth_password_reset_token",
  "notification",
  "user",
] as const

export const WATCHED_TABLES = [...PLUGIN_TABLES, ...CORE_TABLES]
export type WatchedTable = (typeof WATCHED_TABLES)[number]

const LOG_TABLE = "cam_fuzz_write_log"

/**
 * Records every row written to a watched table: a row trigger copies the
 * row before and after (without `updated_at`) into a log table, in the
 * writer's own transaction, so a rolled-back write leaves no entry. Reading
 * the entries since the last check costs one indexed query, where counting
 * and hashing every watched table took 10-15 ms per check; and unlike row
 * counts it also sees updates and soft deletes.
 *
 * The database is restored from a template before each test: install again
 * in every `beforeEach`.
 */
export async function installWriteLog(knex: Knex): Promise<void> {
  await knex.raw(`
    create table if not exists ${LOG_TABLE} (
      seq bigserial primary key,
      tbl text not null,
      row_id text,
      old_row jsonb,
      new_row jsonb
    );
    create or replace function ${LOG_TABLE}_record() returns trigger language plpgsql as $$
    begin
      if TG_OP = 'INSERT' then
        insert into ${LOG_TABLE} (tbl, row_id, new_row) values (TG_TABLE_NAME, NEW.id, to_jsonb(NEW) - 'updated_at');
      elsif TG_OP = 'UPDATE' then
        insert into ${LOG_TABLE} (tbl, row_id, old_row, new_row)
        values (TG_TABLE_NAME, NEW.id, to_jsonb(OLD) - 'updated_at', to_jsonb(NEW) - 'updated_at');
      else
        insert into ${LOG_TABLE} (tbl, row_id, old_row) values (TG_TABLE_NAME, OLD.id, to_jsonb(OLD) - 'updated_at');
      end if;
      return null;
    end $$;
    ${WATCHED_TABLES.map(
      (table) => `
    drop trigger if exists ${LOG_TABLE}_trigger on "${table}";
    create trigger ${LOG_TABLE}_trigger after insert or update or delete on "${table}"
      for each row execute function ${LOG_TABLE}_record();`
    ).join("")}
  `)
}

type LogEntry = { seq: string; tbl: string; row_id: string | null; old_row: unknown; new_row: unknown }

/** Position in the write log: entries after it are writes that happened since. */
export async function writeLogPosition(knex: Knex): Promise<number> {
  const { rows } = await knex.raw(`select coalesce(max(seq), 0) as seq from ${LOG_TABLE}`)
  return Number(rows[0].seq)
}

export type NetWrites = { position: number; changes: string[] }

/**
 * What changed since `since`, net: a row inserted then deleted, or updated
 * and then restored (a workflow's compensation), changed nothing. Each change
 * reads like `customer_note cnote_123: inserted`.
 */
export async function writesSince(
  knex: Knex,
  since: number,
  ignore: readonly string[] = []
): Promise<NetWrites> {
  const { rows } = (await knex.raw(
    `select seq, tbl, row_id, old_row::text as old_row, new_row::text as new_row
     from ${LOG_TABLE} where seq > ? order by seq`,
    [since]
  )) as { rows: LogEntry[] }
  const byRow = new Map<string, { tbl: string; id: string | null; first: unknown; last: unknown }>()
  for (const entry of rows) {
    const key = `${entry.tbl}\u0000${entry.row_id}`
    const seen = byRow.get(key)
    if (seen) {
      seen.last = entry.new_row
    } else {
      byRow.set(key, { tbl: entry.tbl, id: entry.row_id, first: entry.old_row, last: entry.new_row })
    }
  }
  const changes = [...byRow.values()]
    .filter(({ tbl, first, last }) => !ignore.includes(tbl) && first !== last)
    .map(({ tbl, id, first, last }) => {
      if (first === null || last === null) {
        return `${tbl} ${id}: ${first === null ? "inserted" : "deleted"}`
      }
      const before = JSON.parse(String(first)) as Record<string, unknown>
      const after = JSON.parse(String(last)) as Record<string, unknown>
      const columns = Object.keys(after).filter((column) => JSON.stringify(before[column]) !== JSON.stringify(after[column]))
      return `${tbl} ${id}: updated ${columns.map((column) => `${column} ${JSON.stringify(before[column])} -> ${JSON.stringify(after[column])}`).join(", ")}`
    })
  return { position: rows.length ? Number(rows[rows.length - 1].seq) : since, changes }
}

/**
 * Waits until nothing was written for `quietMs` (subscribers and
 * `res.on("finish")` effects run after the answer was sent) and returns the
 * log position then.
 */
export async function settledWriteLogPosition(
  knex: Knex,
  { quietMs = 60, timeoutMs = 5000 } = {}
): Promise<number> {
  // Work a request left behind waits a random time first (src/lib/deferred-work.ts);
  // the subscribers it starts write a moment after it ends.
  if (deferredWork.size) {
    await backgroundSettled(300)
  }
  const deadline = Date.now() + timeoutMs
  let position = await writeLogPosition(knex)
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs))
    const current = await writeLogPosition(knex)
    if (current === position || Date.now() > deadline) {
      return current
    }
    position = current
  }
}

/** Row counts of the watched tables, in one query (for coarse checks around a whole test). */
export async function rowCounts(knex: Knex): Promise<Record<WatchedTable, number>> {
  const { rows } = await knex.raw(
    `select ${WATCHED_TABLES.map((table) => `(select count(*) from "${table}") as "${table}"`).join(", ")}`
  )
  return Object.fromEntries(WATCHED_TABLES.map((table) => [table, Number(rows[0][table])])) as Record<
    WatchedTable,
    number
  >
}
