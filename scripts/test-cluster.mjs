#!/usr/bin/env node
// `npm run test:cluster`: the plugin on two `medusa start` instances sharing
// one PostgreSQL database and Redis (event bus, workflow engine, locking,
// caching), as a production deployment behind a load balancer runs it, plus
// failure drills. Ends with one line `cluster: N passed, N failed`.
//
// Environment (all optional):
//   CAM_CLUSTER_REDIS_URL        Redis of the run, default redis://127.0.0.1:6379/7 (a
//                                dedicated database index: it is FLUSHDB'd before and after)
//   CAM_CLUSTER_DRILL_REDIS_URL  Redis of the Postgres drill's server, default: the index above + 1
//   CAM_CLUSTER_PORTS            instance A, instance B, Postgres drill, Redis drill; default 9481,9482,9483,9484
//   CAM_CLUSTER_DRILL_PG_PORT    port of the drill's embedded PostgreSQL, default 54334
//   CAM_CLUSTER_BURST_WORKERS    concurrent logins in the Postgres drill, default 6 (1: at most one in flight)
//   CAM_PLUGIN_OPTIONS           plugin options (JSON), as for the dev app; expectations follow them
//   DATABASE_URL / PGUSER ...    PostgreSQL as for `npm test` (tooling/database.mjs)
// Server output: artifacts/cluster/*.log (LOG_LEVEL=info).
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { runClusterChecks } from "../cluster/checks.mjs"
import {
  drillFailingResetNotification,
  drillPostgresRestart,
  drillRedisDownAtBoot,
  prepareDrillPostgres,
} from "../cluster/drills.mjs"
import {
  ARTIFACTS,
  assertPortFree,
  atMost,
  check,
  cleanup,
  dropDatabase,
  expect,
  fail,
  medusaEnv,
  onCleanup,
  parseRedisUrl,
  recreateDatabase,
  redisCommands,
  redisUrlWithDb,
  ROOT,
  runMedusa,
  startServer,
  summary,
} from "../cluster/lib.mjs"
import { scanLogs } from "../cluster/log-scan.mjs"
import { startRangeServer } from "../cluster/range-server.mjs"
import { databaseUrl, resolveDatabase } from "../tooling/database.mjs"

const startedAt = Date.now()
const DATABASE = "cam_cluster"
const REDIS_URL = process.env.CAM_CLUSTER_REDIS_URL || "redis://127.0.0.1:6379/7"
const DRILL_REDIS_URL = process.env.CAM_CLUSTER_DRILL_REDIS_URL || redisUrlWithDb(REDIS_URL, parseRedisUrl(REDIS_URL).db + 1)
const [PORT_A, PORT_B, PORT_DRILL_PG, PORT_DRILL_REDIS] = (process.env.CAM_CLUSTER_PORTS || "9481,9482,9483,9484")
  .split(",")
  .map(Number)
const DRILL_PG_PORT = Number(process.env.CAM_CLUSTER_DRILL_PG_PORT || 54334)
const BURST_WORKERS = Number(process.env.CAM_CLUSTER_BURST_WORKERS || 6)
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(0)} s`
const step = (message) => console.log(`[${elapsed()}] ${message}`)

/** The defaults documented in src/lib/options.ts, overridden by CAM_PLUGIN_OPTIONS. */
function effectiveOptions(userOptions) {
  const source = fs.readFileSync(path.join(ROOT, "src/lib/options.ts"), "utf8")
  const constant = (object, key) => {
    const block = source.match(new RegExp(`export const ${object} = \\{([\\s\\S]*?)\\n\\}`))?.[1] ?? ""
    const value = block.match(new RegExp(`\\b${key}:\\s*("[^"]*"|[\\d_]+|true|false)`))?.[1]
    if (value === undefined) throw new Error(`cannot read ${object}.${key} from src/lib/options.ts`)
    if (value === "true" || value === "false") return value === "true"
    return value.startsWith('"') ? JSON.parse(value) : Number(value.replace(/_/g, ""))
  }
  return {
    maxAttempts: userOptions.lockout?.maxAttempts ?? constant("LOCKOUT_DEFAULTS", "maxAttempts"),
    maxRequests: userOptions.passwordReset?.maxRequests ?? constant("PASSWORD_RESET_DEFAULTS", "maxRequests"),
    resetTemplateId: userOptions.passwordReset?.templateId ?? constant("PASSWORD_RESET_DEFAULTS", "templateId"),
    sessionsEnabled: userOptions.sessions?.enabled ?? constant("SESSION_DEFAULTS", "enabled"),
  }
}

// Every password of the run carries this marker, so the log scan finds any.
const MARKER = `cpw${randomBytes(5).toString("hex")}`
const secret = (label) => `${MARKER}-${label}-Zq8!${randomBytes(4).toString("hex")}`

console.log("Cluster test: two Medusa instances, one PostgreSQL database, Redis modules")

// Redis first: CI starts it before this script; without it nothing here means anything.
try {
  await redisCommands(REDIS_URL, [["PING"]])
  await redisCommands(DRILL_REDIS_URL, [["PING"]])
} catch (error) {
  console.error(
    `\nRedis is not reachable (${error.message}).\n` +
      `The cluster test runs Medusa with the Redis event bus, workflow engine, locking and caching.\n` +
      `Start a Redis server (e.g. \`redis-server\`, or \`docker run -p 6379:6379 redis:7\`) or point ` +
      `CAM_CLUSTER_REDIS_URL at one (now ${REDIS_URL}).`
  )
  process.exit(1)
}

let db
try {
  for (const port of [PORT_A, PORT_B, PORT_DRILL_PG, PORT_DRILL_REDIS]) {
    await assertPortFree(port)
  }
  fs.rmSync(ARTIFACTS, { recursive: true, force: true })
  fs.mkdirSync(ARTIFACTS, { recursive: true })

  const userOptions = JSON.parse(process.env.CAM_PLUGIN_OPTIONS || "{}")
  const options = effectiveOptions(userOptions)
  // Breached-password screening asks this server, not the internet.
  const range = await startRangeServer()
  onCleanup(() => range.close())
  const pluginOptions = {
    ...userOptions,
    passwordPolicy: {
      historySize: 3,
      ...userOptions.passwordPolicy,
      breachedPasswords: { rangeUrl: range.url, ...userOptions.passwordPolicy?.breachedPasswords },
    },
    // Assisted shopping is off by default; check 9 needs it.
    assistance: { enabled: true, ...userOptions.assistance },
    // Small batches make a backfill last long enough for the concurrent start to overlap.
    customerGroups: { backfillBatchSize: 50, ...userOptions.customerGroups },
  }

  step(`Redis ${REDIS_URL} (drill ${DRILL_REDIS_URL}): FLUSHDB`)
  await redisCommands(REDIS_URL, [["FLUSHDB"]])
  onCleanup(() => redisCommands(REDIS_URL, [["FLUSHDB"]]).catch(() => {}))

  db = await resolveDatabase({ name: "pg-cluster", port: 54333, log: (m) => step(m) })
  onCleanup(() => atMost(15_000, db.stop()))
  await recreateDatabase(db, DATABASE)
  onCleanup(() => dropDatabase(db, DATABASE))
  const DATABASE_URL = databaseUrl(db, DATABASE)
  const env = medusaEnv({ DATABASE_URL, REDIS_URL, CAM_PLUGIN_OPTIONS: JSON.stringify(pluginOptions) })

  step(`Migrating ${DATABASE} on ${db.host}:${db.port}…`)
  await runMedusa("migrate", ["db:migrate"], { ...env, REDIS_URL: undefined })

  step(`Booting instance A (:${PORT_A}) and B (:${PORT_B}), creating the admin user…`)
  const adminEmail = "cluster-admin@cluster.example"
  const adminPassword = secret("admin")
  const [a, b] = await Promise.all([
    startServer("instance-a", PORT_A, env),
    startServer("instance-b", PORT_B, env),
    runMedusa("user", ["user", "-e", adminEmail, "-p", adminPassword], { ...env, REDIS_URL: undefined }),
  ])
  a.name = "instance A"
  b.name = "instance B"
  const [redisKeys] = await redisCommands(REDIS_URL, [["DBSIZE"]])
  step(`Both instances up (${redisKeys} keys in Redis db ${parseRedisUrl(REDIS_URL).db})`)

  const login = await a.api("POST", "/auth/user/emailpass", { email: adminEmail, password: adminPassword })
  expect(login.status === 200, `admin login: ${login.status}`)
  const admin = { authorization: `Bearer ${login.data.token}` }
  const channel = await a.api("POST", "/admin/sales-channels", { name: "Cluster storefront" }, admin)
  const key = await a.api("POST", "/admin/api-keys", { title: "Cluster storefront", type: "publishable" }, admin)
  expect(channel.status === 200 && key.status === 200, `sales channel ${channel.status}, API key ${key.status}`)
  const linked = await a.api("POST", `/admin/api-keys/${key.data.api_key.id}/sales-channels`, { add: [channel.data.sales_channel.id] }, admin)
  expect(linked.status === 200, `key ↔ sales channel: ${linked.status}`)
  const publishableKey = key.data.api_key.token

  // The Postgres drill's own database migrates meanwhile (mostly I/O-bound checks run now).
  const prepared = prepareDrillPostgres({ env, pgPort: DRILL_PG_PORT, redisUrl: DRILL_REDIS_URL })
  prepared.catch(() => {})

  step("Checks:")
  const ctx = { a, b, db, database: DATABASE, admin, publishableKey, secret, options, range }
  await runClusterChecks(ctx)

  // A throwing provider during resets and locks is the HTTP suite's
  // (notification-failure.spec.ts); here the database refuses the e-mail.
  step("Failure drills:")
  await drillFailingResetNotification(ctx)
  await Promise.all([a.stop(), b.stop()])
  await drillRedisDownAtBoot({ env, port: PORT_DRILL_REDIS, databaseUrl: DATABASE_URL })
  await drillPostgresRestart({ env, port: PORT_DRILL_PG, redisUrl: DRILL_REDIS_URL, secret, prepared, burstWorkers: BURST_WORKERS })
} catch (error) {
  fail("setup", error instanceof Error ? error.message : String(error))
}

// Logs are complete once every server has stopped.
await cleanup()
await check("server logs hold no password of this run, no scrypt hash, no JWT", async () => {
  const { files, lines, findings } = scanLogs(MARKER)
  expect(files > 0, "no logs captured")
  if (findings.length) {
    throw new Error(
      findings
        .map((f) => `\n      ${f.file}: ${f.count} line(s) with ${f.pattern}, from ${f.sources.join(", ")}; e.g. ${f.sample}`)
        .join("")
    )
  }
  return `${files} files, ${lines} lines in artifacts/cluster/`
})

const { passed, failed } = summary()
console.log(`[${elapsed()}] done`)
console.log(`cluster: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
