/**
 * Notes list benchmark: 200,000 notes in all, 10,000 of them on one
 * customer. Times the admin list route (first page, pinned first, newest
 * first, with authors) for that customer and, interleaved in the same run,
 * for a customer with 10 notes; the ratio shows whether the list cost grows
 * with the number of notes.
 */
import pg from "pg"
import { exited, medusa, startServer, withBenchDatabase, type Server } from "./lib/app"
import { elapsedMs, percentile } from "./lib/stats"

const BIG_CUSTOMER_NOTES = 10_000
const TOTAL_NOTES = 200_000
const OTHER_CUSTOMERS = 190
const REQUESTS = 200
const ADMIN = { email: "bench-admin@example.com", password: "bench admin passphrase 9" }

export type NotesListBenchResult = {
  total_notes: number
  big_customer_notes: number
  big_p50_ms: number
  big_p95_ms: number
  deep_page_p95_ms: number
  small_p95_ms: number
  p95_ratio: number
}

/** Seeds customers and notes with set-based SQL (the API would take minutes). */
async function seed(url: string, authorId: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`
      insert into customer (id, email, has_account)
      select 'cus_bench_' || i, 'bench' || i || '@example.com', true
      from generate_series(0, ${OTHER_CUSTOMERS + 1}) as i`)
    // cus_bench_0: 10,000 notes; cus_bench_1: 10 notes; the others share the rest.
    await client.query(
      `
      insert into customer_note (id, customer_id, body, author_id, pinned, created_at, updated_at)
      select 'note_bench_' || n,
             case when n < ${BIG_CUSTOMER_NOTES} then 'cus_bench_0'
                  when n < ${BIG_CUSTOMER_NOTES + 10} then 'cus_bench_1'
                  else 'cus_bench_' || (2 + n % ${OTHER_CUSTOMERS}) end,
             'Called about order #' || n || '; customer prefers delivery after 5 pm.',
             $1, n % 97 = 0, now() - n * interval '1 minute', now() - n * interval '1 minute'
      from generate_series(0, ${TOTAL_NOTES - 1}) as n`,
      [authorId]
    )
    await client.query("analyze customer_note")
    const { rows } = await client.query(
      "select count(*)::int as total, count(*) filter (where customer_id = 'cus_bench_0')::int as big from customer_note"
    )
    if (rows[0].total !== TOTAL_NOTES || rows[0].big !== BIG_CUSTOMER_NOTES) {
      throw new Error(`seeded ${JSON.stringify(rows[0])}`)
    }
  } finally {
    await client.end()
  }
}

async function adminUserId(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query(`select id from "user" where email = $1`, [ADMIN.email])
    return rows[0].id
  } finally {
    await client.end()
  }
}

async function timedGet(server: Server, path: string, token: string, expectedCount: number): Promise<number> {
  const started = process.hrtime.bigint()
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
  const body = (await response.json()) as { count?: number; notes?: unknown[] }
  const elapsed = elapsedMs(started)
  if (response.status !== 200 || body.count !== expectedCount || !body.notes?.length) {
    throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`)
  }
  return elapsed
}

export async function runNotesListBench(): Promise<NotesListBenchResult> {
  return withBenchDatabase("cam_bench_notes", async (url) => {
    if ((await exited(medusa(["user", "-e", ADMIN.email, "-p", ADMIN.password], { DATABASE_URL: url }))) !== 0) {
      throw new Error("creating the admin user failed")
    }
    await seed(url, await adminUserId(url))

    const server = await startServer(url, 9433)
    try {
      const login = await fetch(`${server.url}/auth/user/emailpass`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(ADMIN),
      })
      const { token } = (await login.json()) as { token: string }
      const big = "/admin/customers/cus_bench_0/notes"
      const deep = `${big}?offset=9000&limit=20`
      const small = "/admin/customers/cus_bench_1/notes"

      for (let i = 0; i < 20; i++) {
        await timedGet(server, big, token, BIG_CUSTOMER_NOTES)
        await timedGet(server, small, token, 10)
      }
      const bigTimes: number[] = []
      const deepTimes: number[] = []
      const smallTimes: number[] = []
      for (let i = 0; i < REQUESTS; i++) {
        bigTimes.push(await timedGet(server, big, token, BIG_CUSTOMER_NOTES))
        deepTimes.push(await timedGet(server, deep, token, BIG_CUSTOMER_NOTES))
        smallTimes.push(await timedGet(server, small, token, 10))
      }
      return {
        total_notes: TOTAL_NOTES,
        big_customer_notes: BIG_CUSTOMER_NOTES,
        big_p50_ms: percentile(bigTimes, 0.5),
        big_p95_ms: percentile(bigTimes, 0.95),
        deep_page_p95_ms: percentile(deepTimes, 0.95),
        small_p95_ms: percentile(smallTimes, 0.95),
        p95_ratio: percentile(bigTimes, 0.95) / percentile(smallTimes, 0.95),
      }
    } finally {
      await server.stop()
    }
  })
}

if (require.main === module) {
  runNotesListBench()
    .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`)
      process.exitCode = 1
    })
}
