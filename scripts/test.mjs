#!/usr/bin/env node
// `npm test`: typecheck (beside the unit and module tiers), then unit, module
// and HTTP integration tests on a real PostgreSQL (system one when reachable,
// otherwise embedded). Prints one closing line `tests: N passed, N failed`
// and exits non-zero on any failure.
//
//   node scripts/test.mjs            all tiers
//   node scripts/test.mjs http       one tier (typecheck | unit | modules | http)
//   node scripts/test.mjs http notes extra args go to jest (a path filter)
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import { resolveDatabase, ROOT } from "../tooling/database.mjs"
import { collectPasswords, scanLogs } from "../tooling/secret-scan.mjs"

const TIERS = {
  unit: "unit",
  modules: "integration:modules",
  http: "integration:http",
}
/**
 * How each tier's suites share a process. The HTTP suites each boot a whole
 * Medusa app, and jest keeps a little of every one: in one process the heap
 * grew ~300 MB per suite (466 MB after the first, 1055 MB after the third)
 * until node's ~4 GB limit ended jest mid-run, with no report (CI, stop 28:
 * "448 passed, 1 failed" after the 15th suite). So they run in workers
 * that jest replaces once one holds more than the limit after a suite. Two
 * of them, one per core: each suite has its own database (test-utils names
 * it with a ULID), app port, outbox file (per process) and template. With
 * two workers and the cheaper scrypt below, the tier took 681 s plus 532 s
 * for the fuzz suite alone (ALONE) on 2026-12-07, against ~40 minutes before.
 */
const ISOLATION = {
  unit: ["--runInBand"],
  modules: ["--runInBand"],
  http: ["--maxWorkers=2", "--workerIdleMemoryLimit=1536MB"],
}

/**
 * Suites that run alone, after the rest of their tier (unless a jest filter
 * is given). The fuzz suite checks after every batch that a refused request
 * wrote nothing, and some writes of earlier requests (subscribers, e-mails)
 * land a few hundred ms after the answer: a neighbour suite's load on the
 * 2 cores stretches that past the quiet periods the suite waits for.
 */
const ALONE = {
  http: ["integration-tests/http/fuzz\\.spec\\.ts"],
}

const [only, ...jestArgs] = process.argv.slice(2)
if (only && only !== "typecheck" && !TIERS[only]) {
  console.error(`Unknown tier "${only}". Use one of: typecheck, ${Object.keys(TIERS).join(", ")}`)
  process.exit(2)
}

// Go to the log file only: Medusa's JSON log lines below warn level; knex's
// notice of the pooled connections that @medusajs/test-utils ends when it
// restores the database before each test; and jest's hint that --forceExit
// ended the run (deliberate: test-utils leaves pools open between suites);
// node's notice that jest uses VM modules (NODE_OPTIONS below) and a hint
// Medusa's user migration prints on every fresh database.
const QUIET_LINE = new RegExp(
  [
    '^\\{"level":"(info|http|verbose|debug|silly)"',
    "^Connection Error: Connection ended unexpectedly$",
    "^Connection Error: error: terminating connection due to administrator command$",
    "^Force exiting Jest: ",
    "^\\(node:\\d+\\) ExperimentalWarning: VM Modules",
    "^\\(Use `node --trace-warnings",
    '^Note: If the index "IDX_user_email" fails to create',
  ].join("|")
)
// Medusa's warn and error lines: the specs that provoke failures (a broken
// notification provider, a database restarted mid-request) write them on
// purpose. Counted on screen; printed in full only when the tier fails.
const MEDUSA_LINE = /^\{"level":"(warn|error)"/
// Longer lines (error stacks) are cut on screen; the log file keeps them whole.
const SHOWN_LENGTH = 600

/** Copies a stream to the log file, and to `out` but for quiet lines and Medusa's (kept in `held`). */
function tee(stream, out, log, logFile, held) {
  const show = (line) =>
    line.length > SHOWN_LENGTH
      ? `${line.slice(0, SHOWN_LENGTH)} … (${line.length - SHOWN_LENGTH} more characters in ${path.relative(ROOT, logFile)})`
      : line
  let pending = ""
  stream.on("data", (chunk) => {
    log.write(chunk)
    const lines = (pending + chunk).split("\n")
    pending = lines.pop()
    const shown = []
    for (const line of lines) {
      if (MEDUSA_LINE.test(line)) held.push(show(line))
      else if (!QUIET_LINE.test(line)) shown.push(show(line))
    }
    if (shown.length) out.write(shown.join("\n") + "\n")
  })
  stream.on("end", () => pending && !QUIET_LINE.test(pending) && out.write(show(pending) + "\n"))
}

/** Runs a command; with `logFile` its whole output also goes there (for the secret scan). */
function run(command, args, env, logFile, held = []) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: logFile ? ["inherit", "pipe", "pipe"] : "inherit", env })
    if (logFile) {
      const log = fs.createWriteStream(logFile)
      tee(child.stdout, process.stdout, log, logFile, held)
      tee(child.stderr, process.stderr, log, logFile, held)
      child.on("close", () => log.end())
    }
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

/** Runs a command with its output held back (it runs beside a tier): `{ code, output }`. */
function runHeld(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env })
    const chunks = []
    child.stdout.on("data", (chunk) => chunks.push(chunk))
    child.stderr.on("data", (chunk) => chunks.push(chunk))
    child.on("close", (code, signal) =>
      resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString() })
    )
  })
}

const bin = (name) => path.join(ROOT, "node_modules", ".bin", name)

// @medusajs/test-utils names its databases `medusa-<module>-integration-<worker>`.
// The HTTP runner drops its own; the module runner leaves its behind, so each
// tier drops the ones that appeared while it ran.
const INTEGRATION_DATABASE = "medusa-%-integration-%"

async function integrationDatabases(credentials) {
  const { host, port, user, password } = credentials
  const client = new pg.Client({ host, port, user, password, database: "postgres" })
  await client.connect()
  try {
    const { rows } = await client.query("select datname from pg_database where datname like $1", [INTEGRATION_DATABASE])
    return new Set(rows.map((row) => row.datname))
  } finally {
    await client.end()
  }
}

async function dropNewIntegrationDatabases(credentials, before) {
  const left = [...(await integrationDatabases(credentials))].filter((name) => !before.has(name))
  if (!left.length) return
  const { host, port, user, password } = credentials
  const client = new pg.Client({ host, port, user, password, database: "postgres" })
  await client.connect()
  try {
    for (const name of left) {
      await client.query(`drop database if exists "${name.replace(/"/g, '""')}" with (force)`)
    }
  } finally {
    await client.end()
  }
}
const cacheDir = path.join(ROOT, ".cache")
const logDir = path.join(cacheDir, "logs")
fs.mkdirSync(logDir, { recursive: true })
const logFiles = []

let passed = 0
let failed = 0
let exitCode = 0
let database
/** Failed tests of every tier, repeated at the end where a CI log's tail shows them. */
const failures = []
/** Every suite's wall time, for the slowest ones printed at the end. */
const suiteTimes = []

const ANSI = /\u001b\[[0-9;]*m/g
/** The first lines of a jest failure message: the assertion and where it failed. */
function firstLines(message, count = 12) {
  return message
    .replace(ANSI, "")
    .split("\n")
    .filter((line) => line.trim())
    .slice(0, count)
    .map((line) => (line.length > 300 ? `${line.slice(0, 300)} …` : line))
}

/** One jest run of a tier (or of a phase of it): counts its tests, failures and suite times. */
async function runJest(phase, env, logFile) {
  const report = path.join(cacheDir, `jest-${phase.name}.json`)
  fs.rmSync(report, { force: true })
  const medusaLines = []
  const databasesBefore = database ? await integrationDatabases(database) : null
  const code = await run(bin("jest"), [...phase.args, "--forceExit", "--json", `--outputFile=${report}`], env, logFile, medusaLines)
  if (databasesBefore) {
    await dropNewIntegrationDatabases(database, databasesBefore)
  }
  if (code !== 0) {
    for (const line of medusaLines) console.error(line)
  } else if (medusaLines.length) {
    console.log(
      `${medusaLines.length} warn/error line(s) of Medusa's logger, from specs that provoke failures: ${path.relative(ROOT, logFile)}`
    )
  }
  if (fs.existsSync(report)) {
    const result = JSON.parse(fs.readFileSync(report, "utf8"))
    passed += result.numPassedTests
    failed += result.numFailedTests
    if (result.numTotalTests === 0) {
      console.error(`No ${phase.name} test ran`)
      exitCode ||= 1
    }
    for (const suite of result.testResults) {
      const file = path.relative(ROOT, suite.name)
      if (suite.startTime && suite.endTime) {
        suiteTimes.push({ file, seconds: (suite.endTime - suite.startTime) / 1000, tests: suite.assertionResults.length })
      }
      if (suite.status === "failed" && suite.assertionResults.length === 0) {
        // A suite that fails to load counts no failed test: count it here.
        failed += 1
        failures.push({ title: `${file} (suite did not run)`, lines: firstLines(suite.message ?? "") })
      }
      for (const test of suite.assertionResults) {
        if (test.status === "failed") {
          failures.push({
            title: `${file} › ${test.fullName}`,
            lines: firstLines(test.failureMessages.join("\n")),
          })
        }
      }
    }
  } else {
    failed += 1
  }
  if (code !== 0) {
    exitCode ||= code
  }
}

try {
  // The typecheck runs beside the unit and module tiers (each of them, like
  // tsc, keeps one of the 2 cores busy); its output is shown once it ends,
  // before the HTTP tier, which needs both cores.
  const typecheck =
    !only || only === "typecheck"
      ? (async () => {
          // As `npm run typecheck`: server code and tests (strict), the
          // plugin build's own settings, then the admin (Vite, ESM).
          const started = Date.now()
          let output = ""
          for (const project of ["tsconfig.check.json", "tsconfig.json", "src/admin/tsconfig.json"]) {
            const result = await runHeld(bin("tsc"), ["--noEmit", "-p", project], process.env)
            output += result.output
            if (result.code !== 0) return { code: result.code, output, seconds: (Date.now() - started) / 1000 }
          }
          return { code: 0, output, seconds: (Date.now() - started) / 1000 }
        })()
      : null
  const reportTypecheck = async () => {
    if (!typecheck) return
    const { code, output, seconds } = await typecheck
    console.log("\n== typecheck ==")
    if (output.trim()) process.stdout.write(output)
    suiteTimes.push({ file: "typecheck (tsc, 3 projects)", seconds, tests: 0 })
    if (code !== 0) {
      exitCode ||= code
      failed += 1
      console.error("typecheck failed")
    } else {
      console.log("typecheck passed")
    }
  }

  const tiers = only ? (TIERS[only] ? [only] : []) : Object.keys(TIERS)
  if (tiers.some((tier) => tier !== "unit")) {
    database = await resolveDatabase({ name: "pg-test", port: 54329 })
  }
  for (const tier of tiers) {
    if (tier === "http") await reportTypecheck()
    console.log(`\n== ${tier} tests ==`)
    const env = {
      ...process.env,
      TEST_TYPE: TIERS[tier],
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --experimental-vm-modules`.trim(),
      MEDUSA_DISABLE_TELEMETRY: "true",
      // Info level, so the secret scan below sees what a production log would hold.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
      // A cheaper scrypt for the HTTP specs' app (see medusa-config.ts): the
      // specs hash and check thousands of passwords. The admin, cluster and
      // host suites keep Medusa's default cost.
      ...(tier === "http" && { CAM_SCRYPT_LOGN: process.env.CAM_SCRYPT_LOGN ?? "10" }),
      ...(database && {
        DB_HOST: database.host,
        DB_PORT: String(database.port),
        DB_USERNAME: database.user,
        DB_PASSWORD: database.password,
      }),
    }
    const logFile = path.join(logDir, `${tier}.log`)
    logFiles.push(logFile)
    // A jest filter runs what it names in one go; otherwise suites that must
    // run alone do so after the others.
    const alone = jestArgs.length ? [] : (ALONE[tier] ?? [])
    const phases = alone.length
      ? [
          { name: tier, args: [...ISOLATION[tier], `^(?!.*(${alone.join("|")}))`] },
          { name: `${tier}-alone`, args: ["--maxWorkers=1", ...alone] },
        ]
      : [{ name: tier, args: [...ISOLATION[tier], ...jestArgs] }]
    for (const phase of phases) {
      const phaseLog = phase.name === tier ? logFile : path.join(logDir, `${phase.name}.log`)
      if (phaseLog !== logFile) logFiles.push(phaseLog)
      await runJest(phase, env, phaseLog)
    }
  }

  if (!tiers.includes("http")) await reportTypecheck()

  if (logFiles.length) {
    console.log("\n== secret scan of the test logs ==")
    const passwords = collectPasswords([path.join(ROOT, "integration-tests")])
    const { hits } = scanLogs(logFiles, passwords)
    for (const hit of hits.slice(0, 20)) {
      console.error(`  ${hit.where}: ${hit.what}`)
    }
    if (hits.length) {
      failed += 1
      exitCode ||= 1
      console.error(`${hits.length} log line(s) hold a password, a hash or a token`)
    } else {
      console.log(`no password (${passwords.length} known), hash or token in ${logFiles.length} log file(s)`)
    }
  }
} finally {
  await database?.stop()
}

if (suiteTimes.length) {
  // Where the time goes: the suites to look at first when CI gets slow.
  console.log("\n== slowest suites ==")
  for (const { file, seconds, tests } of suiteTimes.sort((a, b) => b.seconds - a.seconds).slice(0, 8)) {
    console.log(`${seconds.toFixed(0).padStart(6)} s  ${file} (${tests} tests)`)
  }
}

if (failures.length) {
  console.log("\n== failed tests ==")
  for (const failure of failures) {
    console.log(`✕ ${failure.title}`)
    for (const line of failure.lines) console.log(`    ${line}`)
  }
}

console.log(`\ntests: ${passed} passed, ${failed} failed`)
process.exit(exitCode || (failed ? 1 : 0))
