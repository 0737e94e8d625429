/**
 * Follow-up bench (issue: timing through background work). Two requests
 * answer the same whether an address is known or not, but only one branch
 * has work to do after the answer: a reset request for an existing account
 * (token, e-mail) against an unknown e-mail, and an address change to a free
 * address (verification e-mail) against a taken one (nothing). That work
 * must not show in the time of the request that follows.
 *
 * Each round: the request, then at once a fixed follow-up request
 * (`GET /store/customers/me` of another customer), timed; then an idle gap
 * longer than the deferral window, so that each follow-up meets only its own
 * round's work. Rounds of both branches interleaved on one server.
 */
import { DEFERRAL_WINDOW_MS } from "../src/lib/deferred-work"
import { exited, medusa, startServer, withBenchDatabase, type Server } from "./lib/app"
import { elapsedMs, percentile } from "./lib/stats"

const ROUNDS = Number(process.env.FOLLOW_UP_ROUNDS ?? 60)
const PORT = 9441
const ADMIN = { email: "follow-up-admin@example.com", password: "bench admin passphrase 9" }
const PASSWORD = "a long and unusual passphrase 42"
const GAP_MS = DEFERRAL_WINDOW_MS.max + 150

type Pair = { p50_ms: number; p95_ms: number }
export type FollowUpBenchResult = {
  rounds: number
  reset: { known: Pair; unknown: Pair; ratio: number }
  email_change: { free: Pair; taken: Pair; ratio: number }
}

const pair = (values: number[]): Pair => ({ p50_ms: percentile(values, 0.5), p95_ms: percentile(values, 0.95) })
const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function call(server: Server, method: string, route: string, headers: Record<string, string>, body?: unknown, expected?: number) {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: { ...headers, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  if (expected ? response.status !== expected : !response.ok) {
    throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 300)}`)
  }
  return (response.headers.get("content-type") ?? "").includes("json") ? (JSON.parse(text) as Record<string, any>) : {}
}

/** Signs a customer up and in; returns its store headers. */
async function customer(server: Server, email: string, publishable: Record<string, string>): Promise<Record<string, string>> {
  const { token: registration } = await call(server, "POST", "/auth/customer/emailpass/register", {}, { email, password: PASSWORD })
  await call(server, "POST", "/store/customers", { ...publishable, authorization: `Bearer ${registration}` }, { email })
  const { token } = await call(server, "POST", "/auth/customer/emailpass", {}, { email, password: PASSWORD })
  return { ...publishable, authorization: `Bearer ${token}` }
}

export async function runFollowUpBench(): Promise<FollowUpBenchResult> {
  return withBenchDatabase("cam_bench_follow_up", async (url) => {
    if ((await exited(medusa(["user", "-e", ADMIN.email, "-p", ADMIN.password], { DATABASE_URL: url }))) !== 0) {
      throw new Error("creating the admin user failed")
    }
    // Budgets raised so that every request really does its work.
    const server = await startServer(url, PORT, {
      CAM_PLUGIN_OPTIONS: JSON.stringify({
        passwordReset: { maxRequests: 1_000_000 },
        emailChange: { maxAddresses: 1_000_000 },
        lockout: { maxAttempts: 1_000_000, ipMaxAttempts: 1_000_000 },
      }),
    })
    try {
      const { token: adminToken } = await call(server, "POST", "/auth/user/emailpass", {}, ADMIN)
      const { api_key } = await call(server, "POST", "/admin/api-keys", { authorization: `Bearer ${adminToken}` }, {
        title: "Bench storefront",
        type: "publishable",
      })
      const publishable = { "x-publishable-api-key": api_key.token as string }
      const watcher = await customer(server, "watcher@example.com", publishable)
      const mover = await customer(server, "mover@example.com", publishable)
      await customer(server, "taken@example.com", publishable)

      const followUp = async (): Promise<number> => {
        const started = process.hrtime.bigint()
        await call(server, "GET", "/store/customers/me", watcher)
        return elapsedMs(started)
      }
      /** Runs both branches `ROUNDS` times, alternating which goes first; each a request, then the timed follow-up. */
      const interleaved = async (first: (i: number) => Promise<unknown>, second: (i: number) => Promise<unknown>) => {
        const a: number[] = []
        const b: number[] = []
        const round = async (request: (i: number) => Promise<unknown>, into: number[], i: number) => {
          await request(i)
          into.push(await followUp())
          await idle(GAP_MS)
        }
        for (let i = 0; i < ROUNDS; i++) {
          if (i % 2) {
            await round(first, a, i)
            await round(second, b, i)
          } else {
            await round(second, b, i)
            await round(first, a, i)
          }
        }
        return [a, b] as const
      }

      // Warm-up: JIT, pools, first-query caches.
      for (let i = 0; i < 5; i++) {
        await followUp()
        await call(server, "POST", "/auth/customer/emailpass/reset-password", {}, { identifier: "watcher@example.com" }, 201)
        await idle(GAP_MS)
      }

      const [known, unknown] = await interleaved(
        () => call(server, "POST", "/auth/customer/emailpass/reset-password", {}, { identifier: "watcher@example.com" }, 201),
        (i) => call(server, "POST", "/auth/customer/emailpass/reset-password", {}, { identifier: `nobody-${i}@example.com` }, 201)
      )
      const [free, taken] = await interleaved(
        (i) => call(server, "POST", "/store/customers/me/email", mover, { email: `free-${i}@example.com`, password: PASSWORD }, 202),
        () => call(server, "POST", "/store/customers/me/email", mover, { email: "taken@example.com", password: PASSWORD }, 202)
      )
      return {
        rounds: ROUNDS,
        reset: { known: pair(known), unknown: pair(unknown), ratio: percentile(known, 0.5) / percentile(unknown, 0.5) },
        email_change: { free: pair(free), taken: pair(taken), ratio: percentile(free, 0.5) / percentile(taken, 0.5) },
      }
    } finally {
      await server.stop()
    }
  })
}

if (require.main === module) {
  runFollowUpBench()
    .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`)
      process.exitCode = 1
    })
}
