/**
 * Login guard benchmark: two server processes of the dev app on one
 * database, identical but for `lockout.enabled`, measured side by side with
 * interleaved requests so that machine noise hits both equally.
 *
 * - successful-login latency with the guard / without it (median of 200 each)
 * - the same for a Back Office login (`/auth/user/emailpass`, median of 200 each)
 * - refused (locked) attempt / wrong-password attempt (median of 200 each)
 * - reset request for an existing account / an unknown e-mail (median of 200
 *   each): the answer must not tell them apart
 *
 * Each request starts after GAP_MS of idle time (see there).
 */
import { exited, medusa, startServer, withBenchDatabase, type Server } from "./lib/app"
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
  admin_with_guard_ms: number
  admin_without_guard_ms: number
  admin_ratio: number
  reset_existing_ms: number
  reset_unknown_ms: number
  reset_ratio: number
}

const ADMIN_EMAIL = "admin@bench.example"
/**
 * Idle time before each measured request. The guard writes its attempt log
 * and counters just after answering; spaced requests measure the answer's
 * latency on an idle server, as a shopper meets it, rather than the previous
 * request's bookkeeping (which a saturated server would pay in throughput).
 */
const GAP_MS = 25
const idle = () => new Promise((resolve) => setTimeout(resolve, GAP_MS))

async function timedPost(server: Server, path: string, body: unknown, expected: number): Promise<number> {
  await idle()
  const started = process.hrtime.bigint()
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })
  await response.arrayBuffer()
  const elapsed = elapsedMs(started)
  if (response.status !== expected) {
    throw new Error(`expected ${expected}, got ${response.status} from ${server.url}${path}`)
  }
  return elapsed
}

const timedLogin = (server: Server, email: string, password: string, expected: number) =>
  timedPost(server, "/auth/customer/emailpass", { email, password }, expected)

/** Runs both sides `n` times, alternating which goes first, and returns their timings. */
async function interleaved(
  n: number,
  first: () => Promise<number>,
  second: () => Promise<number>
): Promise<[number[], number[]]> {
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i < n; i++) {
    if (i % 2) {
      a.push(await first())
      b.push(await second())
    } else {
      b.push(await second())
      a.push(await first())
    }
  }
  return [a, b]
}

export async function runLoginGuardBench(): Promise<LoginGuardBenchResult> {
  return withBenchDatabase("cam_bench_login", async (url) => {
  const servers: Server[] = []
  try {
    // A Back Office user with an emailpass identity, made by Medusa's CLI.
    if ((await exited(medusa(["user", "-e", ADMIN_EMAIL, "-p", PASSWORD], { DATABASE_URL: url }))) !== 0) {
      throw new Error("could not create the admin user")
    }
    const [guarded, unguarded] = await Promise.all([
      // Reset requests are not capped here: every request for the existing
      // account really issues a token and sends an e-mail.
      startServer(url, 9431, { CAM_PLUGIN_OPTIONS: JSON.stringify({ passwordReset: { maxRequests: 1_000_000 } }) }),
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

    // Unknown e-mails must cost what a wrong password costs (no timing oracle):
    // both on the same server, interleaved.
    let nobody = 0
    const [unknown, known] = await interleaved(
      LOGINS,
      () => timedLogin(unguarded, `nobody${++nobody}@example.com`, `wrong password ${nobody}`, 401),
      () => timedLogin(unguarded, "bench@example.com", `wrong password ${nobody}`, 401)
    )

    // Back Office logins go through the same guard (its own option block).
    for (let i = 0; i < 5; i++) {
      await timedPost(guarded, "/auth/user/emailpass", { email: ADMIN_EMAIL, password: PASSWORD }, 200)
      await timedPost(unguarded, "/auth/user/emailpass", { email: ADMIN_EMAIL, password: PASSWORD }, 200)
    }
    const [adminWithGuard, adminWithoutGuard] = await interleaved(
      LOGINS,
      () => timedPost(guarded, "/auth/user/emailpass", { email: ADMIN_EMAIL, password: PASSWORD }, 200),
      () => timedPost(unguarded, "/auth/user/emailpass", { email: ADMIN_EMAIL, password: PASSWORD }, 200)
    )

    // Reset requests: an existing account and unknown e-mails, on the guarded server.
    let unknownReset = 0
    const [resetExisting, resetUnknown] = await interleaved(
      LOGINS,
      () => timedPost(guarded, "/auth/customer/emailpass/reset-password", { identifier: "bench@example.com" }, 201),
      () =>
        timedPost(guarded, "/auth/customer/emailpass/reset-password", { identifier: `nobody-${++unknownReset}@example.com` }, 201)
    )

    const result = {
      admin_with_guard_ms: median(adminWithGuard),
      admin_without_guard_ms: median(adminWithoutGuard),
      admin_ratio: median(adminWithGuard) / median(adminWithoutGuard),
      reset_existing_ms: median(resetExisting),
      reset_unknown_ms: median(resetUnknown),
      reset_ratio: median(resetExisting) / median(resetUnknown),
      unknown_email_ms: median(unknown),
      unknown_vs_known_ratio: median(unknown) / median(known),
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
