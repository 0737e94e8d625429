import fs from "node:fs"
import fc from "fast-check"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { RawBody, RawClient, RawResponse } from "./fuzz-http"
import { settledWriteLogPosition, writeLogPosition, writesSince, type WatchedTable } from "./fuzz-db"

/**
 * Generated requests per route and method, the same fixed budget for each;
 * `FUZZ_RUNS` overrides (e.g. 1000 on a nightly job). With 250 the suite took
 * 550 s on the 2-core machine kind (2026-12-07).
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 250)

/**
 * Requests sent at once: each property run sends a batch of this many
 * generated requests concurrently (so a route gets FUZZ_RUNS / FUZZ_BATCH
 * property runs). Checks are per request, except "a 4xx writes nothing",
 * which is checked per batch, and per request (sent again alone) when a
 * batch mixes writing 2xx answers with 4xx ones. `FUZZ_BATCH=1` sends one
 * request per run.
 */
export const FUZZ_BATCH = Number(process.env.FUZZ_BATCH ?? 4)

/** One generated request. */
export type FuzzCase = {
  /** Overrides the route's method (one property covering many routes). */
  method?: "GET" | "POST" | "DELETE"
  path: string
  query?: string
  headers?: Record<string, string>
  body?: RawBody
}

export type FuzzRoute = {
  /** "METHOD /matcher", as the route is documented. */
  name: string
  method: "GET" | "POST" | "DELETE"
  cases: fc.Arbitrary<FuzzCase>
  /** Work before the request that is not part of it (minting a reset token). */
  prepare?: (input: FuzzCase) => Promise<FuzzCase>
  /**
   * Tables a 4xx answer may still write, because a documented contract says
   * so (the failed-login lockout). Every exemption carries its reason.
   */
  fourXxMayWrite?: { tables: WatchedTable[]; reason: string }
  /**
   * The 2xx answer has effects after the response (subscribers, `finish`
   * hooks): wait until nothing was written for `quietMs`, for the inputs
   * `when` picks (all by default).
   */
  settleAfterSuccess?: { quietMs?: number; when?: (input: FuzzCase) => boolean }
  /** Passwords the request submitted: no answer may echo them. */
  passwordsOf?: (input: FuzzCase) => unknown[]
  /** Route-specific expectations: returns what is wrong, if anything. */
  check?: (response: RawResponse, input: FuzzCase) => string | undefined
  /** Waits for a 2xx answer's later effects before the check (e.g. a background workflow). */
  afterSuccess?: (response: RawResponse, input: FuzzCase) => Promise<void>
  /** Called with each 2xx answer, to learn ids created on the way. */
  onSuccess?: (response: RawResponse, input: FuzzCase) => void
  /** At least one generated request must succeed: proof the generators reach past validation. */
  expectSuccess?: boolean
  /** Requests per batch when the route's requests must not overlap (1: one at a time). */
  batch?: number
}

export type RouteStats = {
  name: string
  runs: number
  statuses: Record<number, number>
  /** Time spent waiting for answers, per status. */
  msByStatus: Record<number, number>
  ms: number
  /** Time spent reading the write log (the rest is HTTP, preparing and settling). */
  dbMs: number
  /** A sample of the 4xx messages, for tuning the generators (FUZZ_REPORT). */
  messages: Record<string, number>
  /** What went wrong, with the input and the seed to replay it. */
  failure?: string
}

/** Secrets no response may contain. */
export type SecretSources = { resetTokens: () => Iterable<string> }

/** scrypt-kdf hashes start with "scrypt": base64 "c2NyeXB0". */
const SCRYPT_HASH_MARKER = "c2NyeXB0"

/** JWTs (session and reset tokens) never go into a report: test logs are scanned for them. */
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g

function shorten(value: unknown, max = 300): string {
  const text = (typeof value === "string" ? value : fc.stringify(value)).replace(JWT, "<jwt>")
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text
}

/**
 * A password is checked for echoes when it is distinctive enough that
 * finding it in an answer cannot be chance: 10+ characters of at least two
 * kinds (a lone word like "password" is in "Invalid email or password"),
 * and not also sent as a key (strict validators name unknown keys).
 */
function isDistinctive(password: unknown, payload: string | undefined, url = ""): password is string {
  if (typeof password !== "string" || password.length < 10 || new Set(password).size < 4) {
    return false
  }
  const kinds = [/\p{L}/u, /\p{N}/u, /[\p{P}\p{S}\p{Z}]/u].filter((kind) => kind.test(password)).length
  if (kinds < 2) {
    return false
  }
  // The same text in the path or query (say, as a customer id a 404 names) may be what an answer echoes.
  if (decodedOrRaw(url).includes(password)) {
    return false
  }
  const asJson = JSON.stringify(password)
  return (payload ?? "").split(asJson).length <= 2
}

function decodedOrRaw(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

export function createFuzzer({
  client,
  knex,
  secrets,
}: {
  client: RawClient
  knex: Knex
  secrets: SecretSources
}) {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join(",")

  /** Fails with the reason; fast-check adds the input that caused it. */
  function problem(route: FuzzRoute, response: RawResponse, reason: string): never {
    // A failure report lands in the CI log, which must hold no token either
    // (a written row can carry a live reset link).
    const report = `${route.name} answered ${response.status}: ${reason}\nbody: ${shorten(response.text)}`
    throw new Error(report.replace(JWT, "<jwt>"))
  }

  function checkNoSecrets(route: FuzzRoute, input: FuzzCase, response: RawResponse) {
    const text = response.text
    if (text.includes(SCRYPT_HASH_MARKER)) {
      problem(route, response, "the answer contains a password hash")
    }
    for (const token of secrets.resetTokens()) {
      if (text.includes(token)) {
        problem(route, response, "the answer contains a password reset token")
      }
    }
    for (const password of route.passwordsOf?.(input) ?? []) {
      if (
        isDistinctive(password, input.body?.payload, `${input.path}?${input.query ?? ""}`) &&
        (text.includes(password) || text.includes(JSON.stringify(password).slice(1, -1)))
      ) {
        problem(route, response, `the answer echoes the submitted password ${shorten(password, 80)}`)
      }
    }
  }

  function checkErrorShape(route: FuzzRoute, response: RawResponse) {
    const body = response.json as { type?: unknown; message?: unknown } | undefined
    if (!body || typeof body !== "object" || Array.isArray(body) || typeof body.message !== "string") {
      problem(route, response, "a 4xx answer without Medusa's error shape { type, message }")
    }
    // Medusa's own `authenticate` middleware answers 401 with `{ message }`
    // only (framework/dist/http/middlewares/authenticate-middleware.js); every
    // other 4xx goes through its error handler, which always sets `type`.
    const fromAuthenticate = response.status === 401 && Object.keys(body).length === 1
    if (typeof body.type !== "string" && !fromAuthenticate) {
      problem(route, response, "a 4xx answer without Medusa's error shape { type, message }")
    }
  }

  async function fuzzRoute(route: FuzzRoute): Promise<RouteStats> {
    const routeStats: RouteStats = { name: route.name, runs: 0, statuses: {}, msByStatus: {}, ms: 0, dbMs: 0, messages: {} }
    const timed = async <T>(read: () => Promise<T>): Promise<T> => {
      const start = Date.now()
      try {
        return await read()
      } finally {
        routeStats.dbMs += Date.now() - start
      }
    }
    const started = Date.now()
    const batchSize = route.batch ?? FUZZ_BATCH
    const methodOf = (input: FuzzCase) => input.method ?? route.method
    const isSuccess = (response: RawResponse) => response.status >= 200 && response.status < 300

    /** Sends one request and runs every check that needs only its answer. */
    async function send(input: FuzzCase): Promise<RawResponse> {
      const sentAt = Date.now()
      const response = await client.request({
        method: methodOf(input),
        path: input.query ? `${input.path}?${input.query}` : input.path,
        headers: input.headers,
        body: input.body,
      })
      const { status } = response
      routeStats.runs += 1
      routeStats.statuses[status] = (routeStats.statuses[status] ?? 0) + 1
      routeStats.msByStatus[status] = (routeStats.msByStatus[status] ?? 0) + Date.now() - sentAt
      if (!isSuccess(response) && !(status >= 400 && status < 500)) {
        problem(route, response, "neither 2xx nor 4xx")
      }
      if (!isSuccess(response)) {
        checkErrorShape(route, response)
        const message = `${status} ${String((response.json as { message?: unknown }).message).slice(0, 80)}`
        if (routeStats.messages[message] !== undefined || Object.keys(routeStats.messages).length < 40) {
          routeStats.messages[message] = (routeStats.messages[message] ?? 0) + 1
        }
      }
      const wrong = route.check?.(response, input)
      if (wrong) {
        problem(route, response, wrong)
      }
      checkNoSecrets(route, input, response)
      if (Object.getOwnPropertyNames(Object.prototype).sort().join(",") !== prototypeKeys) {
        problem(route, response, "Object.prototype was polluted")
      }
      return response
    }

    /** Waits for what 2xx answers do after they were sent. */
    async function awaitEffects(sent: { input: FuzzCase; response: RawResponse }[]) {
      const succeeded = sent.filter(({ response }) => isSuccess(response))
      for (const { input, response } of succeeded) {
        await route.afterSuccess?.(response, input)
      }
      const settle = route.settleAfterSuccess
      const toSettle = succeeded.filter(({ input }) => settle && (settle.when?.(input) ?? true))
      if (settle && toSettle.length) {
        await timed(() => settledWriteLogPosition(knex, { quietMs: settle.quietMs }))
      }
      for (const { input, response } of succeeded) {
        route.onSuccess?.(response, input)
      }
    }

    /**
     * Fails when anything was written since `since`, but to the tables the
     * route's 4xx answers may write (when `blame` is one).
     */
    async function checkNothingWritten(since: number, blame: RawResponse) {
      const written = await timed(() => writesSince(knex, since, isSuccess(blame) ? [] : route.fourXxMayWrite?.tables))
      if (written.changes.length) {
        const what = isSuccess(blame) ? "a GET" : "a 4xx answer"
        problem(route, blame, `${what} wrote to the database: ${written.changes.slice(0, 5).join("; ")}`)
      }
    }

    // Effects of the previous route (subscribers, background workflows) end
    // first. After that, each batch's effects are waited for before the next
    // one, so whatever the write log holds beyond a batch's start was written
    // by that batch.
    await settledWriteLogPosition(knex)

    const property = fc.asyncProperty(
      fc.array(route.cases, { minLength: batchSize, maxLength: batchSize }),
      async (generated) => {
        const inputs: FuzzCase[] = []
        for (const input of generated) {
          inputs.push(route.prepare ? await route.prepare(input) : input)
        }
        const start = await timed(() => writeLogPosition(knex))
        const responses = await Promise.all(inputs.map(send))
        const sent = inputs.map((input, index) => ({ input, response: responses[index] }))
        await awaitEffects(sent)

        const mayWrite = sent.filter(({ input, response }) => isSuccess(response) && methodOf(input) !== "GET")
        const mustNotWrite = sent.filter((entry) => !mayWrite.includes(entry))
        if (!mayWrite.length) {
          // Nothing in the batch may write (but what the route's 4xx may).
          const blame = mustNotWrite.find(({ response }) => !isSuccess(response)) ?? mustNotWrite[0]
          await checkNothingWritten(start, blame.response)
          return
        }
        // Writes of the 2xx answers hide any of the others: when there are
        // some, send the others again, alone.
        const written = await timed(() => writesSince(knex, start, route.fourXxMayWrite?.tables))
        if (!written.changes.length) {
          return
        }
        for (const { input } of mustNotWrite) {
          const since = await timed(() => writeLogPosition(knex))
          const response = await send(input)
          await awaitEffects([{ input, response }])
          if (!isSuccess(response) || methodOf(input) === "GET") {
            await checkNothingWritten(since, response)
          }
        }
      }
    )

    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined
    const details = await fc.check(property, {
      numRuns: Math.ceil(FUZZ_RUNS / batchSize),
      seed,
      // Shrinking replays requests against a database the failing run changed:
      // the first counterexample is the honest one.
      endOnFailure: true,
    })
    routeStats.ms = Date.now() - started
    if (details.failed) {
      const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
      routeStats.failure =
        `${error}\nbatch: ${shorten(details.counterexample?.[0], 3000)}\n` +
        `replay: FUZZ_SEED=${details.seed} (path ${details.counterexamplePath})`
      return routeStats
    }
    const successes = Object.entries(routeStats.statuses)
      .filter(([status]) => Number(status) < 300)
      .reduce((sum, [, count]) => sum + count, 0)
    if ((route.expectSuccess ?? true) && successes === 0) {
      routeStats.failure = `${route.name}: no generated request succeeded (${JSON.stringify(routeStats.statuses)})`
    }
    return routeStats
  }

  /**
   * Fuzzes each route in turn (a failing route does not hide the next ones)
   * and fails with every failure found.
   */
  async function fuzzRoutes(routes: FuzzRoute[]): Promise<RouteStats[]> {
    const results: RouteStats[] = []
    for (const route of routes) {
      results.push(await fuzzRoute(route))
    }
    if (process.env.FUZZ_REPORT) {
      // Opt-in: per-route status counts and time, for tuning the generators.
      fs.appendFileSync(process.env.FUZZ_REPORT, results.map((r) => JSON.stringify({ ...r, failure: !!r.failure })).join("\n") + "\n")
    }
    const failures = results.flatMap((result) => (result.failure ? [result.failure] : []))
    if (failures.length) {
      throw new Error(`${failures.length} route(s) failed:\n\n${failures.join("\n\n")}`)
    }
    return results
  }

  return { fuzzRoutes }
}
