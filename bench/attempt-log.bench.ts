/**
 * The attempt log under attack (issue 22, finding 13): refused attempts (a
 * locked account, a blocked IP) are counted per identifier, identity, IP,
 * route and minute instead of one row per request.
 *
 * On a freshly migrated database, through the module's own repository (the
 * statements the guard runs after every refused request):
 * 1. Cost of logging one refused attempt that opens a new minute's row (the
 *    dearest case): the aggregating upsert beside the plain insert it
 *    replaced (kept here as the baseline), interleaved; and the whole replay
 *    below through each (most refusals then count into an existing row).
 * 2. A replay of 100,000 refused attempts against one account from 1,000
 *    IPs, spread over 10 minutes of attempt time: rows and table bytes
 *    after, beside what the plain insert would have written (one row each).
 * 3. The admin's attempts page after the replay (the query of
 *    `GET /admin/customers/:id/security`: the last 20 of the identity), p95.
 *
 * No timing is asserted: the targets are printed beside the figures.
 */
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { knex as knexFactory } from "@medusajs/framework/mikro-orm/knex"
import { LockoutRepository } from "../src/modules/account-security/repositories/lockout"
import type { LoginAttemptInput } from "../src/modules/account-security/types"
import { withBenchDatabase } from "./lib/app"
import { elapsedMs, median, percentile } from "./lib/stats"

const REPLAY = 100_000
const IPS = 1_000
const MINUTES = 10
const COST_CALLS = 2_000
const PAGE_CALLS = 300
const CONCURRENCY = 16

/** The statement every refused attempt ran before aggregation. */
const PLAIN_INSERT = `insert into login_attempt
  (id, identifier, auth_identity_id, actor_type, customer_id, user_id, ip, user_agent, outcome, attempted_at)
  values (:id, :identifier, :auth_identity_id, :actor_type, null, null, :ip, :user_agent, 'refused', :attempted_at)`

export type AttemptLogBench = {
  upsert_p50_ms: number
  insert_p50_ms: number
  cost_ratio: number
  /** The whole replay (16 concurrent writers): aggregating / one row per attempt. */
  replay_ms: number
  plain_replay_ms: number
  replay_ratio: number
  replayed: number
  rows_after: number
  rows_plain: number
  bytes_after: number
  bytes_plain: number
  page_p95_ms: number
}

const START = Date.UTC(2026, 11, 6, 10, 0, 0)
const attempt = (i: number): LoginAttemptInput => ({
  identifier: "victim@example.com",
  auth_identity_id: "authid_BENCHVICTIM",
  actor_type: "customer",
  ip: `10.${Math.floor(i % IPS / 250)}.${(i % IPS) % 250}.1`,
  user_agent: "bench/1.0",
  outcome: "refused",
  attempted_at: new Date(START + Math.floor((i / REPLAY) * MINUTES * 60_000)),
})

async function inBatches(count: number, work: (i: number) => Promise<unknown>) {
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        await work(next++)
      }
    })
  )
}

async function tableSize(pg: ReturnType<typeof knexFactory>): Promise<{ rows: number; bytes: number }> {
  const [{ rows }] = (await pg("login_attempt").count({ rows: "*" })) as { rows: string }[]
  const {
    rows: [{ bytes }],
  } = await pg.raw(`select pg_total_relation_size('login_attempt') as bytes`)
  return { rows: Number(rows), bytes: Number(bytes) }
}

export async function runAttemptLogBench(): Promise<AttemptLogBench> {
  return withBenchDatabase("cam_bench_attempt_log", async (url) => {
    const pg = knexFactory({ client: "pg", connection: url, pool: { min: 1, max: CONCURRENCY } })
    try {
      const repository = new LockoutRepository({ [ContainerRegistrationKeys.PG_CONNECTION]: pg })
      let id = 0
      const plain = (input: LoginAttemptInput) =>
        pg.raw(PLAIN_INSERT, {
          id: `latt_bench_${++id}`,
          identifier: input.identifier,
          auth_identity_id: input.auth_identity_id ?? null,
          actor_type: input.actor_type ?? null,
          ip: input.ip ?? null,
          user_agent: input.user_agent ?? null,
          attempted_at: input.attempted_at,
        })

      // 1. One refused attempt's log write: upsert / plain insert, interleaved.
      const upserts: number[] = []
      const inserts: number[] = []
      for (let i = 0; i < COST_CALLS; i++) {
        const input = attempt(i * 37)
        const order = i % 2 ? ["upsert", "insert"] : ["insert", "upsert"]
        for (const which of order) {
          const start = process.hrtime.bigint()
          await (which === "upsert" ? repository.insertAttempt(input) : plain({ ...input, identifier: "baseline@example.com" }))
          ;(which === "upsert" ? upserts : inserts).push(elapsedMs(start))
        }
      }
      await pg("login_attempt").delete()
      await pg.raw("vacuum full login_attempt")

      // 2. The replay, then what the plain insert would have written.
      const replayStart = process.hrtime.bigint()
      await inBatches(REPLAY, (i) => repository.insertAttempt(attempt(i)))
      const replayMs = elapsedMs(replayStart)
      const after = await tableSize(pg)
      const [{ counted }] = (await pg("login_attempt").sum({ counted: "count" })) as { counted: string }[]
      if (Number(counted) !== REPLAY) {
        throw new Error(`the aggregates count ${counted} attempts, not ${REPLAY}`)
      }
      // 3. The admin's page (the identity's last 20), after the replay.
      const pages: number[] = []
      for (let i = 0; i < PAGE_CALLS; i++) {
        const start = process.hrtime.bigint()
        await pg("login_attempt")
          .whereNull("deleted_at")
          .andWhere((where) =>
            where.where("auth_identity_id", "authid_BENCHVICTIM").orWhere((inner) => inner.whereNull("auth_identity_id").where("identifier", "authid_BENCHVICTIM"))
          )
          .orderBy([{ column: "attempted_at", order: "desc" }, { column: "id", order: "desc" }])
          .limit(20)
        pages.push(elapsedMs(start))
      }

      await pg("login_attempt").delete()
      await pg.raw("vacuum full login_attempt")
      const plainStart = process.hrtime.bigint()
      await inBatches(REPLAY, (i) => plain(attempt(i)))
      const plainMs = elapsedMs(plainStart)
      const plainSize = await tableSize(pg)

      return {
        upsert_p50_ms: median(upserts),
        insert_p50_ms: median(inserts),
        cost_ratio: median(upserts) / median(inserts),
        replay_ms: replayMs,
        plain_replay_ms: plainMs,
        replay_ratio: replayMs / plainMs,
        replayed: REPLAY,
        rows_after: after.rows,
        rows_plain: plainSize.rows,
        bytes_after: after.bytes,
        bytes_plain: plainSize.bytes,
        page_p95_ms: percentile(pages, 0.95),
      }
    } finally {
      await pg.destroy()
    }
  })
}

if (require.main === module) {
  runAttemptLogBench().then(
    (result) => {
      console.log(JSON.stringify(result, null, 2))
      process.exit(0)
    },
    (error) => {
      console.error(error)
      process.exit(1)
    }
  )
}
