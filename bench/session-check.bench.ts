/**
 * Session registry benchmark: server processes of the dev app on one
 * database, identical but for `sessions.enabled`, measured side by side.
 *
 * 1. What the session gate costs an authenticated request: `GET
 *    /store/customers/me` with one logged-in customer's bearer token, one
 *    request per server per round (registry on, registry off), interleaved,
 *    the order changing round by round so that machine noise hits both;
 *    client side and server side (the server's own `Server-Timing`,
 *    lib/server-timing.cjs).
 *    A third server, also with the registry off, is measured in the same
 *    rounds as a control: off / control shows how far two processes of the
 *    same configuration differ, the floor under the on / off ratio.
 * 2. That the registry grows with sessions, not with requests: its rows for
 *    the customer's identity before and after those requests, and how often
 *    `last_seen_at` was written meanwhile (counted by a trigger this bench
 *    adds to its throwaway database). The session's `last_seen_at` is set
 *    back two minutes before the first request, so exactly one write is due.
 * 3. Where the gate's time goes, in this process (servers idle): the
 *    registry's check statement through Medusa's kind of knex connection
 *    beside `select 1` on it (the round trip alone), and the token's
 *    verification and hash, which the gate does besides Medusa's own.
 * 4. Logins: K logins, each in its own second, add K sessions (Medusa's
 *    tokens carry no id of their own: two logins of one identity in the
 *    same second get the same token, hence one session, which a burst of
 *    back-to-back logins shows), and a login on the server with the
 *    registry off adds none.
 *
 * No timing is asserted: the target is printed beside the figures.
 */
import { getAuthContextFromJwtToken } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, ModulesSdkUtils } from "@medusajs/framework/utils"
import path from "node:path"
import pg from "pg"
import { SessionRegistryRepository } from "../src/modules/account-security/repositories/session-registry"
import {
  LAST_SEEN_EVERY_SECONDS,
  tokenHash,
} from "../src/modules/account-security/services/session-registry"
import { exited, medusa, ROOT, startServer, withBenchDatabase, type Server } from "./lib/app"
import { elapsedMs, percentile } from "./lib/stats"

/** Measured rounds (each server gets this many requests with the one token). */
const ROUNDS = 2000
const WARM_UP_ROUNDS = 50
/** Calls of each piece timed in-process (interleaved). */
const PIECE_CALLS = 1000
const PIECE_WARM_UP = 50
/** Logins that each begin a session (one per second). */
const LOGINS = 5
/** Back-to-back logins: as many sessions as distinct tokens. */
const BURST = 5
const TARGET_RATIO = 1.05
const PORTS = { on: 9451, off: 9452, control: 9453 }
/** Every order of the three servers, one per round in turn: none is always first. */
const ORDERS = [
  ["on", "off", "control"],
  ["off", "control", "on"],
  ["control", "on", "off"],
  ["on", "control", "off"],
  ["off", "on", "control"],
  ["control", "off", "on"],
] as const
type SideName = (typeof ORDERS)[number][number]
const ADMIN = { email: "bench-admin@example.com", password: "bench admin passphrase 9" }
const CUSTOMER = { email: "sessions@example.com", password: "a long and unusual passphrase 42" }
const ROUTE = "/store/customers/me"

type Timings = { p50_ms: number; p95_ms: number }
type Side = { client: Timings; server: Timings }

export type RegistryCount = { sessions: number; tokens: number }

export type SessionCheckBenchResult = {
  rounds: number
  on: Side
  off: Side
  /** The second server with the registry off. */
  control: Side
  /** p50 on / p50 off, client side. */
  ratio: number
  /** p50 on / p50 off, server side. */
  server_ratio: number
  /** Median of (on - off) over the rounds, client side. */
  pair_difference_ms: number
  /** p50 off / p50 control, client side: two processes of one configuration. */
  control_ratio: number
  target_ratio: number
  meets_target: boolean
  registry: {
    /** The customer's identity before and after the measured requests (its sign-up token is a session too). */
    before: RegistryCount
    after: RegistryCount
    /** Whole tables before and after. */
    tables_before: RegistryCount
    tables_after: RegistryCount
    /** The measured token's session: its tokens. */
    token_sessions: number
    token_session_tokens: number
    requests: number
    seconds: number
    last_seen_writes: number
    /** At most one write per LAST_SEEN_EVERY_SECONDS, plus the one made due by setting it back. */
    last_seen_writes_allowed: number
    last_seen_during_measured: "unchanged" | "changed"
  }
  /** Where the gate's time goes, timed in the bench's own process. */
  pieces: {
    check_statement: Timings
    select_one: Timings
    jwt_verify_and_hash: Timings
  }
  logins: {
    spaced: number
    spaced_distinct_tokens: number
    spaced_sessions_added: number
    spaced_tokens_added: number
    burst: number
    burst_distinct_tokens: number
    burst_sessions_added: number
    off_server_sessions_added: number
  }
}

const timings = (values: number[]): Timings => ({ p50_ms: percentile(values, 0.5), p95_ms: percentile(values, 0.95) })

/** NODE_OPTIONS preloading the Server-Timing helper into a server. */
const serverTimingPreload = [process.env.NODE_OPTIONS, `--require ${path.join(ROOT, "bench/lib/server-timing.cjs")}`]
  .filter(Boolean)
  .join(" ")

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
    throw new Error(`${method} ${server.url}${route}: ${response.status} ${JSON.stringify(parsed).slice(0, 300)}`)
  }
  const serverTiming = /dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")
  if (!serverTiming) {
    throw new Error(`${method} ${route}: no Server-Timing header (is lib/server-timing.cjs preloaded?)`)
  }
  return { body: parsed, client, server: Number(serverTiming[1]) }
}

/**
 * The gate's own pieces, outside the server: the registry's check statement
 * (its repository, on a knex pool as Medusa builds it) beside `select 1`,
 * and verifying plus hashing the token (Medusa's `authenticate()` verifies
 * it too).
 */
async function timePieces(url: string, token: string, identity: string): Promise<SessionCheckBenchResult["pieces"]> {
  const knex = ModulesSdkUtils.createPgConnection({ clientUrl: url, schema: "public", pool: { min: 1, max: 2 } })
  try {
    const repository = new SessionRegistryRepository({ [ContainerRegistrationKeys.PG_CONNECTION]: knex })
    const ref = { token_hash: tokenHash(token), session_id: null, auth_identity_id: identity }
    const check: number[] = []
    const selectOne: number[] = []
    const verify: number[] = []
    const secret = "supersecret" // medusa-config.ts's jwtSecret without JWT_SECRET
    for (let i = 0; i < PIECE_WARM_UP + PIECE_CALLS; i++) {
      let started = process.hrtime.bigint()
      const row = await repository.check(ref)
      const checkMs = elapsedMs(started)
      if (!row.session_id) {
        throw new Error("the check statement did not find the token's session")
      }
      started = process.hrtime.bigint()
      await knex.raw("select 1")
      const selectMs = elapsedMs(started)
      started = process.hrtime.bigint()
      const claims = getAuthContextFromJwtToken(`Bearer ${token}`, process.env.JWT_SECRET || secret, ["bearer"], ["*"])
      tokenHash(token)
      const verifyMs = elapsedMs(started)
      if (!claims) {
        throw new Error("the token did not verify in the bench process")
      }
      if (i >= PIECE_WARM_UP) {
        check.push(checkMs)
        selectOne.push(selectMs)
        verify.push(verifyMs)
      }
    }
    return { check_statement: timings(check), select_one: timings(selectOne), jwt_verify_and_hash: timings(verify) }
  } finally {
    await knex.destroy()
  }
}

const login = async (server: Server) =>
  (await timed<{ token: string }>(server, "POST", "/auth/customer/emailpass", {}, CUSTOMER)).body.token

/** The auth identity a token names (its payload, unverified: the server verified it). */
function identityOf(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8")) as { auth_identity_id: string }
  return payload.auth_identity_id
}

const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits until just past the next whole second (a JWT's `iat` has one-second resolution). */
const nextSecond = () => idle(1000 - (Date.now() % 1000) + 20)

/** A storefront sign-up and login; returns the store headers of that login and its token. */
async function registerCustomer(server: Server, adminToken: string): Promise<{ token: string; publishable: Record<string, string> }> {
  const post = async <T>(route: string, body: unknown, headers: Record<string, string> = {}) =>
    (await timed<T>(server, "POST", route, headers, body)).body
  const { api_key } = await post<{ api_key: { token: string } }>(
    "/admin/api-keys",
    { title: "Bench storefront", type: "publishable" },
    { authorization: `Bearer ${adminToken}` }
  )
  const publishable = { "x-publishable-api-key": api_key.token }
  const { token: registration } = await post<{ token: string }>("/auth/customer/emailpass/register", CUSTOMER)
  await post("/store/customers", { email: CUSTOMER.email, first_name: "Sam", last_name: "Session" }, {
    ...publishable,
    authorization: `Bearer ${registration}`,
  })
  // A login in a later second than the sign-up: its own token, its own session.
  await nextSecond()
  return { token: await login(server), publishable }
}

export async function runSessionCheckBench(): Promise<SessionCheckBenchResult> {
  return withBenchDatabase("cam_bench_sessions", async (url) => {
    if ((await exited(medusa(["user", "-e", ADMIN.email, "-p", ADMIN.password], { DATABASE_URL: url }))) !== 0) {
      throw new Error("creating the admin user failed")
    }
    const db = new pg.Client({ connectionString: url })
    await db.connect()
    const sql = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await db.query<T>(text, params)).rows
    const servers: Server[] = []
    try {
      const registryOff = { NODE_OPTIONS: serverTimingPreload, CAM_PLUGIN_OPTIONS: JSON.stringify({ sessions: { enabled: false } }) }
      const [on, off, control] = await Promise.all([
        startServer(url, PORTS.on, { NODE_OPTIONS: serverTimingPreload }),
        startServer(url, PORTS.off, registryOff),
        startServer(url, PORTS.control, registryOff),
      ])
      servers.push(on, off, control)
      const byName: Record<SideName, Server> = { on, off, control }

      const { body: adminLogin } = await timed<{ token: string }>(on, "POST", "/auth/user/emailpass", {}, ADMIN)
      const { token, publishable } = await registerCustomer(on, adminLogin.token)
      const identity = identityOf(token)
      const headers = { ...publishable, authorization: `Bearer ${token}` }

      const identityCount = async (): Promise<RegistryCount> => {
        const [row] = await sql<{ sessions: number; tokens: number }>(
          `select (select count(*)::int from account_session where auth_identity_id = $1) as sessions,
                  (select count(*)::int from account_session_token t join account_session s on s.id = t.session_id
                   where s.auth_identity_id = $1) as tokens`,
          [identity]
        )
        return row
      }
      const tableCount = async (): Promise<RegistryCount> => {
        const [row] = await sql<{ sessions: number; tokens: number }>(
          `select (select count(*)::int from account_session) as sessions,
                  (select count(*)::int from account_session_token) as tokens`
        )
        return row
      }
      const [session] = await sql<{ id: string }>(
        `select session_id as id from account_session_token where token_hash = $1`,
        [tokenHash(token)]
      )
      if (!session) {
        throw new Error("the login's token is not in the registry")
      }
      const lastSeen = async () =>
        (await sql<{ at: string }>(`select last_seen_at::text as at from account_session where id = $1`, [session.id]))[0].at

      // Counts every write that changes a session's last_seen_at (this database only).
      await sql(`create table cam_bench_last_seen_write (session_id text not null, at timestamptz not null default clock_timestamp())`)
      await sql(`create function cam_bench_count_last_seen() returns trigger language plpgsql as $$
                 begin insert into cam_bench_last_seen_write (session_id) values (new.id); return null; end $$`)
      await sql(`create trigger cam_bench_last_seen after update of last_seen_at on account_session for each row
                 when (old.last_seen_at is distinct from new.last_seen_at) execute function cam_bench_count_last_seen()`)
      // Seen two minutes ago: the first request is due to write last_seen_at, once.
      await sql(`update account_session set last_seen_at = last_seen_at - interval '2 minutes' where id = $1`, [session.id])
      await sql(`delete from cam_bench_last_seen_write`)

      const before = await identityCount()
      const tablesBefore = await tableCount()
      const started = process.hrtime.bigint()

      const get = (server: Server) => timed<{ customer: { id: string } }>(server, "GET", ROUTE, headers)
      for (let i = 0; i < WARM_UP_ROUNDS; i++) {
        for (const server of servers) {
          await get(server)
        }
      }
      // The due write is fire-and-forget after the first verdict: let it land.
      await idle(200)
      const seenAfterWarmUp = await lastSeen()

      const client: Record<SideName, number[]> = { on: [], off: [], control: [] }
      const server: Record<SideName, number[]> = { on: [], off: [], control: [] }
      const differences: number[] = []
      for (let i = 0; i < ROUNDS; i++) {
        for (const name of ORDERS[i % ORDERS.length]) {
          const answer = await get(byName[name])
          if (!answer.body.customer?.id) {
            throw new Error(`${ROUTE}: no customer in the answer of the ${name} server`)
          }
          client[name].push(answer.client)
          server[name].push(answer.server)
        }
        differences.push(client.on[i] - client.off[i])
      }
      const seconds = elapsedMs(started) / 1000
      await idle(200)
      const seenAfterMeasured = await lastSeen()
      const [{ writes }] = await sql<{ writes: number }>(
        `select count(*)::int as writes from cam_bench_last_seen_write where session_id = $1`,
        [session.id]
      )
      const after = await identityCount()
      const tablesAfter = await tableCount()
      const [tokenSession] = await sql<{ sessions: number; tokens: number }>(
        `select count(distinct s.id)::int as sessions, count(*)::int as tokens
         from account_session s join account_session_token t on t.session_id = s.id where s.id = $1`,
        [session.id]
      )

      const pieces = await timePieces(url, token, identity)

      // K logins, each in its own second: K tokens, K sessions.
      const beforeLogins = await identityCount()
      const spaced = new Set<string>()
      for (let i = 0; i < LOGINS; i++) {
        await nextSecond()
        spaced.add(await login(on))
      }
      const afterSpaced = await identityCount()
      // Back to back: logins in the same second share a token, hence a session.
      await nextSecond()
      const burst = new Set<string>()
      for (let i = 0; i < BURST; i++) {
        burst.add(await login(on))
      }
      const afterBurst = await identityCount()
      // The registry switched off records nothing.
      await nextSecond()
      await login(off)
      const afterOff = await identityCount()

      const side = (name: SideName): Side => ({ client: timings(client[name]), server: timings(server[name]) })
      const sides = { on: side("on"), off: side("off"), control: side("control") }
      const ratio = sides.on.client.p50_ms / sides.off.client.p50_ms
      return {
        rounds: ROUNDS,
        ...sides,
        ratio,
        server_ratio: sides.on.server.p50_ms / sides.off.server.p50_ms,
        pair_difference_ms: percentile(differences, 0.5),
        control_ratio: sides.off.client.p50_ms / sides.control.client.p50_ms,
        target_ratio: TARGET_RATIO,
        meets_target: ratio <= TARGET_RATIO,
        registry: {
          before,
          after,
          tables_before: tablesBefore,
          tables_after: tablesAfter,
          token_sessions: tokenSession.sessions,
          token_session_tokens: tokenSession.tokens,
          requests: WARM_UP_ROUNDS + ROUNDS,
          seconds,
          last_seen_writes: writes,
          last_seen_writes_allowed: 1 + Math.floor(seconds / LAST_SEEN_EVERY_SECONDS),
          last_seen_during_measured: seenAfterMeasured === seenAfterWarmUp ? "unchanged" : "changed",
        },
        pieces,
        logins: {
          spaced: LOGINS,
          spaced_distinct_tokens: spaced.size,
          spaced_sessions_added: afterSpaced.sessions - beforeLogins.sessions,
          spaced_tokens_added: afterSpaced.tokens - beforeLogins.tokens,
          burst: BURST,
          burst_distinct_tokens: burst.size,
          burst_sessions_added: afterBurst.sessions - afterSpaced.sessions,
          off_server_sessions_added: afterOff.sessions - afterBurst.sessions,
        },
      }
    } finally {
      await Promise.all(servers.map((server) => server.stop()))
      await db.end()
    }
  })
}

if (require.main === module) {
  runSessionCheckBench()
    .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`)
      process.exitCode = 1
    })
}
