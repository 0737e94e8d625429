/**
 * Login guard benchmark: two server processes of the dev app on one
 * database, identical but for `lockout.enabled`, measured side by side with
 * interleaved requests so that machine noise hits both equally.
 *
 * - successful-login latency with the guard / without it (median of 200 each)
 * - refused (locked) attempt / wrong-password attempt (median of 200 each)
 */
import { startServer, withBenchDatabase, type Server } from "./lib/app"
import { elapsedMs, median } from "./lib/stats"

const LOGINS = 200
const PASSWORD = "a long and unusual passphrase 42"

export type LoginGuardBenchResult = {
  success_with_guard_ms: number
  success_without_guard_ms: number
  success_ratio: number
  refused_ms: number
  wrong_password_ms: number
  refused_ratio: number
  unknown_email_ms: number
  unknown_vs_known_ratio: number
}

async function timedLogin(server: Server, email: string, password: string, expected: number): Promise<number> {
  const started = process.hrtime.bigint()
  const response = await fetch(`${server.url}/auth/customer/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  await response.arrayBuffer()
  const elapsed = elapsedMs(started)
  if (response.status !== expected) {
    throw new Error(`expected ${expected}, got ${response.status} from ${server.url}`)
  }
  return elapsed
}

export async function runLoginGuardBench(): Promise<LoginGuardBenchResult> {
  return withBenchDatabase("cam_bench_login", async (url) => {
  const servers: Server[] = []
  try {
    const [guarded, unguarded] = await Promise.all([
      startServer(url, 9431, { CAM_PLUGIN_OPTIONS: "{}" }),
      startServer(url, 9432, { CAM_PLUGIN_OPTIONS: JSON.stringify({ lockout: { enabled: false } }) }),
    ])
    servers.push(guarded, unguarded)

    const register = await fetch(`${guarded.url}/auth/customer/emailpass/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "bench@example.com", password: PASSWORD }),
    })
    if (!register.ok) throw new Error(`register failed: ${register.status}`)

    // Warm both servers up (JIT, pools, first-query caches).
    for (let i = 0; i < 10; i++) {
      await timedLogin(guarded, "bench@example.com", PASSWORD, 200)
      await timedLogin(unguarded, "bench@example.com", PASSWORD, 200)
    }
    const withGuard: number[] = []
    const withoutGuard: number[] = []
    for (let i = 0; i < LOGINS; i++) {
      const order = i % 2 ? [guarded, unguarded] : [unguarded, guarded]
      for (const server of order) {
        const ms = await timedLogin(server, "bench@example.com", PASSWORD, 200)
        ;(server === guarded ? withGuard : withoutGuard).push(ms)
      }
    }

    // Lock a (non-existent) identifier on the guarded server, then compare a
    // refused attempt there with a wrong-password attempt on the other.
    for (let i = 0; i < 5; i++) {
      await timedLogin(guarded, "locked@example.com", `wrong ${i}`, 401)
    }
    const refused: number[] = []
    const wrong: number[] = []
    for (let i = 0; i < LOGINS; i++) {
      refused.push(await timedLogin(guarded, "locked@example.com", "still wrong", 429))
      wrong.push(await timedLogin(unguarded, "bench@example.com", `wrong password ${i}`, 401))
    }

    // Unknown e-mails must cost what a wrong password costs (no timing oracle).
    const unknown: number[] = []
    for (let i = 0; i < 100; i++) {
      unknown.push(await timedLogin(unguarded, `nobody${i}@example.com`, `wrong password ${i}`, 401))
    }

    const result = {
      unknown_email_ms: median(unknown),
      unknown_vs_known_ratio: median(unknown) / median(wrong),
      success_with_guard_ms: median(withGuard),
      success_without_guard_ms: median(withoutGuard),
      success_ratio: median(withGuard) / median(withoutGuard),
      refused_ms: median(refused),
      wrong_password_ms: median(wrong),
      refused_ratio: median(refused) / median(wrong),
    }
    return result
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
  }
  })
}

if (require.main === module) {
  runLoginGuardBench()
    .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`)
      process.exitCode = 1
    })
}
