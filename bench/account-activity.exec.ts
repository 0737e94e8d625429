/**
 * Run by `medusa exec` from bench/account-activity.bench.ts once its servers
 * have stopped (it gets the app's container, on the same seeded database):
 *
 * - the activity module's `listAndCountActivities` called directly, for the
 *   three pages the bench also times over HTTP, and EXPLAIN ANALYZE of the
 *   page and count statements it issues for them (captured from the
 *   connection, so they are the repository's own);
 * - what recording one event costs: the module's `recordActivities`, and the
 *   whole subscriber (entries for the event, then the recording workflow);
 * - retention: `pruneExpired()` with the default 365 days over a backlog of
 *   expired entries, the table and index sizes around it, and one day's
 *   worth of expiry as the daily job meets it.
 *
 * Prints one line `CAM_BENCH <json>`.
 */
import { randomUUID } from "node:crypto"
import type { SubscriberArgs } from "@medusajs/framework"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import pg from "pg"
import { ACCOUNT_ACTIVITY_MODULE } from "../src/modules/account-activity"
import type AccountActivityModuleService from "../src/modules/account-activity/service"
import type { AccountActivityFilters } from "../src/modules/account-activity/types"
import recordAccountActivity from "../src/subscribers/record-account-activity"
import { CustomerNoteEvents } from "../src/lib/events"
import { seedActivity } from "./account-activity.seed"
import { elapsedMs, percentile } from "./lib/stats"

const CALLS = 200
const WARM_UP = 20
/** Where the recording timings write (no other entries there). */
const RECORD_CUSTOMER = "cus_bench_record"

export type Timings = { p50_ms: number; p95_ms: number }

export type TableSize = { rows: number; total_mb: number; heap_mb: number; indexes_mb: number }

/** EXPLAIN ANALYZE of one statement: execution time, 8 KB pages touched, plan nodes. */
export type Plan = { execution_ms: number; pages: number; plan: string }

export type ActivityExecResult = {
  module: { admin: Timings; admin_security: Timings; store: Timings }
  /** The statements `listAndCountActivities` issues for each page, as captured from the connection. */
  plans: Record<"admin" | "admin_security" | "store", { page: Plan; count: Plan }>
  record: { module_call: Timings; subscriber: Timings }
  retention: {
    retention_days: number
    backlog: number
    expired_before: number
    removed: number
    prune_seconds: number
    rows_per_second: number
    vacuum_seconds: number
    refilled: number
    before: TableSize
    after_prune: TableSize
    after_vacuum: TableSize
    after_refill: TableSize
    daily_expired: number
    daily_removed: number
    daily_prune_ms: number
  }
}

const timings = (values: number[]): Timings => ({ p50_ms: percentile(values, 0.5), p95_ms: percentile(values, 0.95) })

const MB = 2 ** 20

async function tableSize(client: pg.Client): Promise<TableSize> {
  const { rows } = await client.query(`
    select (select count(*) from account_activity)::int as rows,
           pg_total_relation_size('account_activity') as total,
           pg_relation_size('account_activity') as heap,
           pg_indexes_size('account_activity') as indexes`)
  return {
    rows: rows[0].rows,
    total_mb: Number(rows[0].total) / MB,
    heap_mb: Number(rows[0].heap) / MB,
    indexes_mb: Number(rows[0].indexes) / MB,
  }
}

type PlanNode = {
  "Node Type": string
  "Index Name"?: string
  "Shared Hit Blocks": number
  "Shared Read Blocks": number
  Plans?: PlanNode[]
}

/** `statement` as the driver received it (`$1` placeholders). */
async function explain(client: pg.Client, statement: { sql: string; bindings: unknown[] }): Promise<Plan> {
  const { rows } = await client.query(`explain (analyze, buffers, format json) ${statement.sql}`, statement.bindings)
  const [{ Plan: root, "Execution Time": executionMs }] = rows[0]["QUERY PLAN"] as [{ Plan: PlanNode; "Execution Time": number }]
  const nodes: string[] = []
  const walk = (node: PlanNode) => {
    nodes.push(node["Index Name"] ? `${node["Node Type"]} using ${node["Index Name"]}` : node["Node Type"])
    node.Plans?.forEach(walk)
  }
  walk(root)
  return { execution_ms: executionMs, pages: root["Shared Hit Blocks"] + root["Shared Read Blocks"], plan: nodes.join(" > ") }
}

/** The page and count statements the module issues for `filters`, run under EXPLAIN ANALYZE. */
async function explainPage(
  connection: Knex,
  client: pg.Client,
  activity: AccountActivityModuleService,
  filters: AccountActivityFilters
): Promise<{ page: Plan; count: Plan }> {
  const statements: { sql: string; bindings: unknown[] }[] = []
  const capture = (query: { sql: string; bindings?: unknown[] }) => statements.push({ sql: query.sql, bindings: query.bindings ?? [] })
  connection.on("query", capture)
  try {
    await activity.listAndCountActivities(filters, { limit: 20, offset: 0 })
  } finally {
    connection.off("query", capture)
  }
  const count = statements.find((statement) => /count\(\*\)/i.test(statement.sql))
  const page = statements.find((statement) => statement !== count && /\blimit\b/i.test(statement.sql))
  if (!count || !page) {
    throw new Error(`did not capture the module's statements: ${JSON.stringify(statements).slice(0, 500)}`)
  }
  return { page: await explain(client, page), count: await explain(client, count) }
}

export default async function accountActivityBench({ container }: ExecArgs) {
  const customerId = process.env.CAM_BENCH_CUSTOMER_ID!
  const adminUserId = process.env.CAM_BENCH_ADMIN_USER_ID!
  const backlog = Number(process.env.CAM_BENCH_BACKLOG)
  const perYear = Number(process.env.CAM_BENCH_ENTRIES)
  const firstFree = Number(process.env.CAM_BENCH_FIRST_FREE)
  const activity = container.resolve<AccountActivityModuleService>(ACCOUNT_ACTIVITY_MODULE)
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    // The module call the routes make, without HTTP or Medusa's pipeline.
    const pages: Record<keyof ActivityExecResult["module"], AccountActivityFilters> = {
      admin: { customer_id: customerId },
      admin_security: { customer_id: customerId, kinds: ["security"] },
      store: { customer_id: customerId, kinds: ["security"], customer_visible: true },
    }
    const names = Object.keys(pages) as (keyof typeof pages)[]
    const measured = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<keyof typeof pages, number[]>
    for (let i = 0; i < WARM_UP + CALLS; i++) {
      for (let j = 0; j < names.length; j++) {
        const name = names[(i + j) % names.length]
        const started = process.hrtime.bigint()
        const [records] = await activity.listAndCountActivities(pages[name], { limit: 20, offset: 0 })
        const ms = elapsedMs(started)
        if (records.length !== 20) {
          throw new Error(`${name}: ${records.length} entries on the first page`)
        }
        if (i >= WARM_UP) {
          measured[name].push(ms)
        }
      }
    }

    const connection = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const plans = {
      admin: await explainPage(connection, client, activity, pages.admin),
      admin_security: await explainPage(connection, client, activity, pages.admin_security),
      store: await explainPage(connection, client, activity, pages.store),
    }

    // What recording one note event costs, done after the answer: the module's
    // insert alone, and the subscriber as the event bus runs it.
    const moduleCall: number[] = []
    const subscriber: number[] = []
    for (let i = 0; i < WARM_UP + CALLS; i++) {
      const eventId = randomUUID()
      const data = { event_id: eventId, id: `note_bench_rec_${i}`, customer_id: RECORD_CUSTOMER, actor_id: adminUserId, pinned: false }
      let started = process.hrtime.bigint()
      await activity.recordActivities([
        {
          customer_id: RECORD_CUSTOMER,
          type: "note.created",
          actor_type: "user",
          actor_id: adminUserId,
          data: { note_id: data.id, pinned: false },
          source_key: `note.created:${randomUUID()}`,
        },
      ])
      const callMs = elapsedMs(started)
      started = process.hrtime.bigint()
      await recordAccountActivity({
        event: { name: CustomerNoteEvents.CREATED, data },
        container,
        pluginOptions: {},
      } as SubscriberArgs<Record<string, unknown>>)
      const subscriberMs = elapsedMs(started)
      if (i >= WARM_UP) {
        moduleCall.push(callMs)
        subscriber.push(subscriberMs)
      }
    }
    const { rows: recorded } = await client.query(
      `select count(*)::int as n from account_activity where customer_id = $1`,
      [RECORD_CUSTOMER]
    )
    if (recorded[0].n !== 2 * (WARM_UP + CALLS)) {
      throw new Error(`recorded ${recorded[0].n} entries, expected ${2 * (WARM_UP + CALLS)}`)
    }

    // Retention: a backlog of expired entries (366-456 days old), as a table
    // holds them when the job first runs over 15 months of activity.
    const retentionDays = activity.getOptions().activity.retentionDays
    let next = firstFree
    const seed = async (count: number, oldestDaysAgo: number, newestDaysAgo: number) => {
      await seedActivity(client, { first: next, count, bigCustomerId: customerId, bigEvery: 100, oldestDaysAgo, newestDaysAgo, adminUserId })
      next += count
    }
    await seed(backlog, retentionDays + 91, retentionDays + 1)
    await client.query("vacuum analyze account_activity")
    const before = await tableSize(client)
    const expiredSql = `select count(*)::int as n from account_activity where occurred_at < now() - make_interval(days => $1)`
    const expiredBefore = (await client.query(expiredSql, [retentionDays])).rows[0].n as number

    let started = process.hrtime.bigint()
    const removed = await activity.pruneExpired()
    const pruneSeconds = elapsedMs(started) / 1000
    const afterPrune = await tableSize(client)

    // What autovacuum does next: the deleted rows' space becomes reusable.
    // Two passes, as autovacuum makes over time: index pages the first pass
    // empties are recycled by a later one.
    started = process.hrtime.bigint()
    await client.query("vacuum account_activity")
    await client.query("vacuum account_activity")
    const vacuumSeconds = elapsedMs(started) / 1000
    const afterVacuum = await tableSize(client)

    // The next months of activity: as many new entries as were pruned.
    await seed(removed, 1, 0)
    const afterRefill = await tableSize(client)

    // The daily job in steady state: one day's worth of entries has expired.
    const daily = Math.round(perYear / 365)
    await seed(daily, retentionDays + 0.9, retentionDays + 0.1)
    const dailyExpired = (await client.query(expiredSql, [retentionDays])).rows[0].n as number
    started = process.hrtime.bigint()
    const dailyRemoved = await activity.pruneExpired()
    const dailyMs = elapsedMs(started)

    const result: ActivityExecResult = {
      module: { admin: timings(measured.admin), admin_security: timings(measured.admin_security), store: timings(measured.store) },
      plans,
      record: { module_call: timings(moduleCall), subscriber: timings(subscriber) },
      retention: {
        retention_days: retentionDays,
        backlog,
        expired_before: expiredBefore,
        removed,
        prune_seconds: pruneSeconds,
        rows_per_second: removed / pruneSeconds,
        vacuum_seconds: vacuumSeconds,
        refilled: removed,
        before,
        after_prune: afterPrune,
        after_vacuum: afterVacuum,
        after_refill: afterRefill,
        daily_expired: dailyExpired,
        daily_removed: dailyRemoved,
        daily_prune_ms: dailyMs,
      },
    }
    process.stdout.write(`CAM_BENCH ${JSON.stringify(result)}\n`)
  } finally {
    await client.end()
  }
}
