/**
 * Account activity benchmark: 1,000,000 timeline entries over the last year
 * (the subscriber's mix of types), 10,000 of them on one registered customer.
 *
 * 1. Timeline first pages for that customer (admin, admin `kind=security`,
 *    the customer's own store route), 200 requests each, interleaved with
 *    two Medusa routes that read the customer (what the pipeline alone
 *    costs): client side, server side (the server's own `Server-Timing`, see
 *    lib/server-timing.cjs), and the module call alone (in-process, from
 *    account-activity.exec.ts).
 * 2. What recording costs the request that causes it: `POST
 *    /admin/customers/:id/notes` (its `customer_note.created` is recorded by
 *    the activity subscriber) on two servers of the same app and database,
 *    one with the subscriber disabled (lib/disable-files.cjs), interleaved;
 *    plus the recording's own cost in-process.
 * 3. Retention: `pruneExpired()` with the default 365 days over a backlog of
 *    expired entries, with the table's size before and after.
 */
import path from "node:path"
import pg from "pg"
import type { ActivityExecResult, Timings } from "./account-activity.exec"
import { seedActivity } from "./account-activity.seed"
import { exited, medusa, ROOT, startServer, withBenchDatabase, type Server } from "./lib/app"
import { elapsedMs, median, percentile } from "./lib/stats"

const TOTAL_ENTRIES = 1_000_000
const CUSTOMER_ENTRIES = 10_000
/** Expired entries (366-456 days old) added before the prune. */
const EXPIRED_BACKLOG = 100_000
const REQUESTS = 200
const WARM_UP = 10
/** Idle time before each spaced note request: the previous request's recording has finished by then. */
const GAP_MS = 50
/** Back-to-back note requests run in blocks of this many per server. */
const BLOCK = 10
const PORTS = { withRecording: 9441, withoutRecording: 9442 }
const ADMIN = { email: "bench-admin@example.com", password: "bench admin passphrase 9" }
const CUSTOMER = { email: "timeline@example.com", password: "a long and unusual passphrase 42" }
const SUBSCRIBER = "src/subscribers/record-account-activity.ts"

export type PageTimings = {
  count: number
  client: Timings
  server: Timings
  module: Timings
}

export type NoteTimings = {
  with_recording_ms: number
  without_recording_ms: number
  ratio: number
  difference_ms: number
}

export type AccountActivityBenchResult = {
  total_entries: number
  customer_entries: number
  seed_seconds: number
  requests: number
  admin: PageTimings
  admin_security: PageTimings
  store: PageTimings
  /** `GET /admin/customers/:id?fields=id` (Medusa's route), interleaved with the pages. */
  admin_baseline: { client: Timings; server: Timings }
  /** `GET /store/customers/me?fields=id` (Medusa's route), interleaved with the pages. */
  store_baseline: { client: Timings; server: Timings }
  plans: ActivityExecResult["plans"]
  notes: {
    requests: number
    /** Median client-side latency, each request after GAP_MS idle. */
    spaced: NoteTimings
    /** The same, server-side (Server-Timing). */
    spaced_server: NoteTimings
    /** Median client-side latency, requests back to back in blocks per server. */
    back_to_back: NoteTimings
    recorded_with: number
    recorded_without: number
    record_module_call: Timings
    record_subscriber: Timings
  }
  retention: ActivityExecResult["retention"]
}

const timings = (values: number[]): Timings => ({ p50_ms: percentile(values, 0.5), p95_ms: percentile(values, 0.95) })

const compare = (withRecording: number[], withoutRecording: number[]): NoteTimings => ({
  with_recording_ms: median(withRecording),
  without_recording_ms: median(withoutRecording),
  ratio: median(withRecording) / median(withoutRecording),
  difference_ms: median(withRecording) - median(withoutRecording),
})

const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** NODE_OPTIONS preloading bench helpers into a server. */
const preload = (...files: string[]) =>
  [process.env.NODE_OPTIONS, ...files.map((file) => `--require ${path.join(ROOT, "bench/lib", file)}`)].filter(Boolean).join(" ")

type Timed<T> = { body: T; client: number; server: number }

async function timed<T>(server: Server, method: "GET" | "POST", route: string, headers: Record<string, string>, body?: unknown): Promise<Timed<T>> {
  const started = process.hrtime.bigint()
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: { ...headers, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const parsed = (await response.json()) as T
  const client = elapsedMs(started)
  if (!response.ok) {
    throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(parsed).slice(0, 300)}`)
  }
  const serverTiming = /dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")
  if (!serverTiming) {
    throw new Error(`${method} ${route}: no Server-Timing header (is lib/server-timing.cjs preloaded?)`)
  }
  return { body: parsed, client, server: Number(serverTiming[1]) }
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(text, params)).rows
  } finally {
    await client.end()
  }
}

/** Polls `read` until it returns the same value twice, 500 ms apart (the subscriber has caught up). */
async function settled(read: () => Promise<number>): Promise<number> {
  let last = await read()
  for (let i = 0; i < 60; i++) {
    await idle(500)
    const now = await read()
    if (now === last) {
      return now
    }
    last = now
  }
  return last
}

/** A storefront sign-up and login: the customer whose timeline is measured. */
async function registerCustomer(server: Server, adminToken: string): Promise<{ id: string; headers: Record<string, string> }> {
  const post = async <T>(route: string, body: unknown, headers: Record<string, string> = {}) =>
    (await timed<T>(server, "POST", route, headers, body)).body
  const { api_key } = await post<{ api_key: { token: string } }>(
    "/admin/api-keys",
    { title: "Bench storefront", type: "publishable" },
    { authorization: `Bearer ${adminToken}` }
  )
  const publishable = { "x-publishable-api-key": api_key.token }
  const { token: registration } = await post<{ token: string }>("/auth/customer/emailpass/register", CUSTOMER)
  const { customer } = await post<{ customer: { id: string } }>(
    "/store/customers",
    { email: CUSTOMER.email, first_name: "Tina", last_name: "Timeline" },
    { ...publishable, authorization: `Bearer ${registration}` }
  )
  const { token } = await post<{ token: string }>("/auth/customer/emailpass", CUSTOMER)
  return { id: customer.id, headers: { ...publishable, authorization: `Bearer ${token}` } }
}

export async function runAccountActivityBench(): Promise<AccountActivityBenchResult> {
  return withBenchDatabase("cam_bench_activity", async (url) => {
    if ((await exited(medusa(["user", "-e", ADMIN.email, "-p", ADMIN.password], { DATABASE_URL: url }))) !== 0) {
      throw new Error("creating the admin user failed")
    }
    const [{ id: adminUserId }] = await sql<{ id: string }>(url, `select id from "user" where email = $1`, [ADMIN.email])

    const servers: Server[] = []
    let measured: Omit<AccountActivityBenchResult, "plans" | "retention" | "notes"> & {
      notes: Omit<AccountActivityBenchResult["notes"], "record_module_call" | "record_subscriber">
    }
    let customerId: string
    try {
      const [withRecording, withoutRecording] = await Promise.all([
        startServer(url, PORTS.withRecording, { NODE_OPTIONS: preload("server-timing.cjs") }),
        startServer(url, PORTS.withoutRecording, {
          NODE_OPTIONS: preload("server-timing.cjs", "disable-files.cjs"),
          CAM_BENCH_DISABLED_FILES: SUBSCRIBER,
        }),
      ])
      servers.push(withRecording, withoutRecording)

      const { body: login } = await timed<{ token: string }>(withRecording, "POST", "/auth/user/emailpass", {}, ADMIN)
      const admin = { authorization: `Bearer ${login.token}` }
      const customer = await registerCustomer(withRecording, login.token)
      customerId = customer.id

      // 1,000,000 entries over the last 364 days (the oldest stays inside
      // the 365-day retention for the whole run), every 100th on the customer.
      const started = process.hrtime.bigint()
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await seedActivity(client, {
          first: 0,
          count: TOTAL_ENTRIES,
          bigCustomerId: customerId,
          bigEvery: TOTAL_ENTRIES / CUSTOMER_ENTRIES,
          oldestDaysAgo: 364,
          newestDaysAgo: 0,
          adminUserId,
        })
        // A table of this age has been vacuumed (visibility map) and analyzed.
        await client.query("vacuum analyze account_activity")
      } finally {
        await client.end()
      }
      const seedSeconds = elapsedMs(started) / 1000

      // The sign-up's own entries (the login) are written after its answers.
      const countsSql = `
        select count(*)::int as admin,
               count(*) filter (where kind = 'security')::int as admin_security,
               count(*) filter (where kind = 'security' and customer_visible)::int as store
        from account_activity where customer_id = $1`
      await settled(async () => (await sql<{ admin: number }>(url, countsSql, [customerId]))[0].admin)
      const [counts] = await sql<{ admin: number; admin_security: number; store: number }>(url, countsSql, [customerId])

      // Each activity page, and beside it (interleaved) a Medusa route of the
      // same area that reads one customer by id: what Medusa's pipeline alone
      // costs on this machine at this moment.
      const timeline = (count: number) => (body: { count?: number; activities?: unknown[] }) =>
        body.count === count && body.activities?.length === 20
      const theCustomer = (body: { customer?: { id: string } }) => body.customer?.id === customerId
      const pages = {
        admin: { route: `/admin/customers/${customerId}/activity`, headers: admin, check: timeline(counts.admin) },
        admin_security: {
          route: `/admin/customers/${customerId}/activity?kind=security`,
          headers: admin,
          check: timeline(counts.admin_security),
        },
        store: { route: "/store/customers/me/activity", headers: customer.headers, check: timeline(counts.store) },
        admin_baseline: { route: `/admin/customers/${customerId}?fields=id`, headers: admin, check: theCustomer },
        store_baseline: { route: "/store/customers/me?fields=id", headers: customer.headers, check: theCustomer },
      }
      const names = Object.keys(pages) as (keyof typeof pages)[]
      const clientMs = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<keyof typeof pages, number[]>
      const serverMs = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<keyof typeof pages, number[]>
      for (let i = 0; i < WARM_UP + REQUESTS; i++) {
        for (let j = 0; j < names.length; j++) {
          const name = names[(i + j) % names.length]
          const { body, client, server } = await timed<Record<string, never>>(
            withRecording,
            "GET",
            pages[name].route,
            pages[name].headers
          )
          if (!pages[name].check(body)) {
            throw new Error(`GET ${pages[name].route}: unexpected ${JSON.stringify(body).slice(0, 300)}`)
          }
          if (i >= WARM_UP) {
            clientMs[name].push(client)
            serverMs[name].push(server)
          }
        }
      }
      const page = (name: keyof typeof counts) => ({
        count: counts[name],
        client: timings(clientMs[name]),
        server: timings(serverMs[name]),
        module: { p50_ms: NaN, p95_ms: NaN },
      })
      const baseline = (name: "admin_baseline" | "store_baseline") => ({
        client: timings(clientMs[name]),
        server: timings(serverMs[name]),
      })

      // Notes on the measured customer, on both servers, interleaved.
      const noteIds = new Map<Server, string[]>([
        [withRecording, []],
        [withoutRecording, []],
      ])
      let written = 0
      const addNote = async (server: Server) => {
        const { body, client, server: serverTime } = await timed<{ note: { id: string } }>(
          server,
          "POST",
          `/admin/customers/${customerId}/notes`,
          admin,
          { body: `Called about order #${++written}; prefers delivery after 5 pm.` }
        )
        noteIds.get(server)!.push(body.note.id)
        return { client, server: serverTime }
      }
      const spaced = new Map<Server, { client: number[]; server: number[] }>([
        [withRecording, { client: [], server: [] }],
        [withoutRecording, { client: [], server: [] }],
      ])
      for (let i = 0; i < WARM_UP + REQUESTS; i++) {
        for (const server of i % 2 ? [withRecording, withoutRecording] : [withoutRecording, withRecording]) {
          await idle(GAP_MS)
          const ms = await addNote(server)
          if (i >= WARM_UP) {
            spaced.get(server)!.client.push(ms.client)
            spaced.get(server)!.server.push(ms.server)
          }
        }
      }
      const backToBack = new Map<Server, number[]>([
        [withRecording, []],
        [withoutRecording, []],
      ])
      for (let block = 0; block < (2 * REQUESTS) / BLOCK; block++) {
        const server = block % 2 ? withRecording : withoutRecording
        await idle(GAP_MS)
        for (let i = 0; i < BLOCK; i++) {
          backToBack.get(server)!.push((await addNote(server)).client)
        }
      }

      // The subscriber really recorded on one server and not on the other.
      const recordedSql = `select count(*)::int as n from account_activity
        where customer_id = $1 and type = 'note.created' and data->>'note_id' = any($2)`
      const recordedWith = await settled(
        async () => (await sql<{ n: number }>(url, recordedSql, [customerId, noteIds.get(withRecording)]))[0].n
      )
      const [{ n: recordedWithout }] = await sql<{ n: number }>(url, recordedSql, [customerId, noteIds.get(withoutRecording)])
      if (recordedWith !== noteIds.get(withRecording)!.length || recordedWithout !== 0) {
        throw new Error(
          `recorded ${recordedWith}/${noteIds.get(withRecording)!.length} notes with the subscriber, ${recordedWithout} without`
        )
      }

      measured = {
        total_entries: TOTAL_ENTRIES,
        customer_entries: CUSTOMER_ENTRIES,
        seed_seconds: seedSeconds,
        requests: REQUESTS,
        admin: page("admin"),
        admin_security: page("admin_security"),
        store: page("store"),
        admin_baseline: baseline("admin_baseline"),
        store_baseline: baseline("store_baseline"),
        notes: {
          requests: REQUESTS,
          spaced: compare(spaced.get(withRecording)!.client, spaced.get(withoutRecording)!.client),
          spaced_server: compare(spaced.get(withRecording)!.server, spaced.get(withoutRecording)!.server),
          back_to_back: compare(backToBack.get(withRecording)!, backToBack.get(withoutRecording)!),
          recorded_with: recordedWith,
          recorded_without: recordedWithout,
        },
      }
    } finally {
      await Promise.all(servers.map((server) => server.stop()))
    }

    // In-process: the module call alone, the recording's cost, retention.
    const child = medusa(
      ["exec", "./bench/account-activity.exec.ts"],
      {
        DATABASE_URL: url,
        CAM_BENCH_CUSTOMER_ID: customerId,
        CAM_BENCH_ADMIN_USER_ID: adminUserId,
        CAM_BENCH_BACKLOG: String(EXPIRED_BACKLOG),
        CAM_BENCH_ENTRIES: String(TOTAL_ENTRIES),
        CAM_BENCH_FIRST_FREE: String(TOTAL_ENTRIES),
      },
      "pipe"
    )
    let output = ""
    child.stdout?.on("data", (chunk) => (output += chunk))
    const code = await exited(child)
    const line = output.split("\n").find((l) => l.startsWith("CAM_BENCH "))
    if (code !== 0 || !line) {
      throw new Error(`account activity exec failed (${code}): ${output.slice(-2000)}`)
    }
    const exec = JSON.parse(line.slice("CAM_BENCH ".length)) as ActivityExecResult
    return {
      ...measured,
      admin: { ...measured.admin, module: exec.module.admin },
      admin_security: { ...measured.admin_security, module: exec.module.admin_security },
      store: { ...measured.store, module: exec.module.store },
      plans: exec.plans,
      notes: { ...measured.notes, record_module_call: exec.record.module_call, record_subscriber: exec.record.subscriber },
      retention: exec.retention,
    }
  })
}

if (require.main === module) {
  runAccountActivityBench()
    .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`)
      process.exitCode = 1
    })
}
