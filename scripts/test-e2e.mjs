#!/usr/bin/env node
// @ts-check
// `npm run test:e2e`: the plugin's admin widgets checked in a real browser.
//
// Boots the dev app once from a snapshot of this checkout in a temp folder
// (so edits made meanwhile neither restart nor change it): the admin is
// built as a static bundle (`medusa build --admin-only`, no Vite dev server,
// no HMR reloads) while the database `cam_e2e` is recreated and migrated;
// then `medusa start` serves API and admin on port 9470. The checks in
// e2e/ seed through the HTTP API and drive Debian's Chromium with
// playwright-core. Screenshots and logs go to artifacts/e2e/; after a fully
// green run on the app booted here the widget screenshots are copied to
// docs/screenshots/. The database is dropped again at the end.
// Prints one line per check and `e2e: N passed, N failed`.
//
// Env: CAM_E2E_PORT (9470), CAM_E2E_DATABASE (cam_e2e), CAM_E2E_CHROMIUM
// (/usr/bin/chromium); CAM_E2E_BASE_URL with CAM_E2E_ADMIN_EMAIL and
// CAM_E2E_ADMIN_PASSWORD runs the checks against an app that already runs
// (e.g. `npm run dev`) instead of booting one.
import { spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { closeAllBrowsers } from "../e2e/lib/browser.mjs"
import { CheckRunner } from "../e2e/lib/checks.mjs"
import { ASSISTANCE_STOREFRONT_URL } from "../e2e/specs/assistance.mjs"
import { runSuite, WIDGET_SCREENSHOTS } from "../e2e/suite.mjs"
import { databaseUrl, ensureDatabase, resolveDatabase, ROOT } from "../tooling/database.mjs"

const PORT = Number(process.env.CAM_E2E_PORT || 9470)
const DATABASE = process.env.CAM_E2E_DATABASE || "cam_e2e"
const ADMIN = { email: "e2e-admin@example.com", password: "e2e-admin-password-1" }
// Small, so the seed locks the customer with a few wrong passwords and
// blocks an IP with a few more. `ipMaxAttempts` stays above `maxAttempts`:
// locking the customer from the storefront's IP must not block that IP too.
const PLUGIN_OPTIONS = {
  lockout: { maxAttempts: 3, ipMaxAttempts: 4 },
  // Staff permissions enforced, the suite's admin an owner (holds everything):
  // e2e/specs/staff-permissions.mjs signs in a colleague granted less.
  staffPermissions: { mode: "enforced", owners: [ADMIN.email] },
  // Assisted shopping on (off by default), with consent required (the
  // default): e2e/specs/assistance.mjs reads the link and exchanges its code.
  assistance: { enabled: true, storefrontUrl: ASSISTANCE_STOREFRONT_URL },
}
const ARTIFACTS = path.join(ROOT, "artifacts", "e2e")
const SCREENSHOTS = path.join(ROOT, "docs", "screenshots")
// Not copied into the snapshot: installed, generated, local data or git.
const NOT_COPIED = new Set(["node_modules", ".git", ".medusa", ".data", ".cache", "artifacts", "coverage", "tmp"])

const started = Date.now()
const seconds = (since = started) => `${((Date.now() - since) / 1000).toFixed(1)} s`

/** @type {NodeJS.ProcessEnv} */
const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", NODE_ENV: "development" }
for (const name of ["NODE_OPTIONS", "TEST_TYPE", "REDIS_URL", "CAM_PLUGIN_OPTIONS", "CAM_LOG_NOTIFICATIONS", "PORT"]) {
  delete env[name]
}

/** Children run in their own process group, so stopping reaches what they start. */
/** @type {Set<import("node:child_process").ChildProcess>} */
const children = new Set()

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv, log: string }} options
 */
function run(command, args, { cwd, env: childEnv = env, log }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv, stdio: ["ignore", "pipe", "pipe"], detached: true })
    children.add(child)
    const out = fs.createWriteStream(log)
    child.stdout?.pipe(out)
    child.stderr?.pipe(out)
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      children.delete(child)
      if (code === 0) return resolve(undefined)
      const tail = fs.existsSync(log) ? fs.readFileSync(log, "utf8").slice(-2000) : ""
      const status = signal ?? `exit ${code}`
      reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${status}), see ${path.relative(ROOT, log)}:\n${tail}`))
    })
  })
}

/** @param {import("node:child_process").ChildProcess} child */
async function stopGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return
  const exited = new Promise((resolve) => child.once("exit", resolve))
  try {
    process.kill(-child.pid, "SIGTERM")
  } catch {
    return
  }
  const timeout = new Promise((resolve) => setTimeout(() => resolve("timeout"), 10_000))
  if ((await Promise.race([exited, timeout])) === "timeout") {
    try {
      process.kill(-child.pid, "SIGKILL")
    } catch {}
  }
}

/** @param {number} port */
function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen(port, () => server.close(() => resolve(true)))
  })
}

/**
 * A copy of the checkout with a node_modules of symlinks to ours: tools that
 * write into node_modules (caches) write into the copy, not the checkout.
 * @param {string} app
 */
function snapshotCheckout(app) {
  fs.mkdirSync(app, { recursive: true })
  for (const entry of fs.readdirSync(ROOT)) {
    if (NOT_COPIED.has(entry)) continue
    fs.cpSync(path.join(ROOT, entry), path.join(app, entry), { recursive: true, verbatimSymlinks: true })
  }
  const modules = path.join(app, "node_modules")
  fs.mkdirSync(modules)
  for (const entry of fs.readdirSync(path.join(ROOT, "node_modules"))) {
    if (entry === ".cache" || entry === ".vite") continue
    fs.symlinkSync(path.join(ROOT, "node_modules", entry), path.join(modules, entry))
  }
}

/** @param {{ host: string, port: number, user: string, password: string }} database */
async function dropDatabase(database) {
  const client = new pg.Client({ ...database, database: "postgres" })
  await client.connect()
  try {
    await client.query(`drop database if exists "${DATABASE}" with (force)`)
  } finally {
    await client.end()
  }
}

/**
 * @param {string} baseUrl
 * @param {import("node:child_process").ChildProcess} server
 * @param {string} log
 */
async function waitForHealth(baseUrl, server, log) {
  const deadline = Date.now() + 180_000
  for (;;) {
    const ok = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.ok)
      .catch(() => false)
    if (ok) return
    if (server.exitCode !== null || Date.now() > deadline) {
      const tail = fs.readFileSync(log, "utf8").slice(-3000)
      throw new Error(`the app did not start (${server.exitCode !== null ? `exit ${server.exitCode}` : "timeout"}):\n${tail}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "cam-e2e-"))
/** @type {Awaited<ReturnType<typeof resolveDatabase>> | undefined} */
let database
/** @type {Promise<void> | undefined} */
let cleaning
/** Set on SIGINT/SIGTERM: what fails afterwards is the stop, not a finding. */
let interrupted = false
const runner = new CheckRunner()

/** Stops what this run started and removes what it created; once, however often called. */
function cleanUp() {
  cleaning ??= (async () => {
    // Pending browser promises hold no handle: without this, Node could exit
    // half-way through an interrupted run's clean-up.
    const keepAlive = setInterval(() => {}, 1_000)
    try {
      await Promise.all([closeAllBrowsers(), ...[...children].map(stopGroup)])
      if (database && !process.env.CAM_E2E_BASE_URL) await dropDatabase(database).catch(() => {})
      await database?.stop().catch(() => {})
      fs.rmSync(work, { recursive: true, force: true })
    } finally {
      clearInterval(keepAlive)
    }
  })()
  return cleaning
}

for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.on(signal, () => {
    interrupted = true
    runner.stop()
    console.log(`\n${signal}: stopping…`)
    void cleanUp().finally(() => process.exit(130))
  })
}
for (const event of /** @type {const} */ (["uncaughtException", "unhandledRejection"])) {
  process.on(event, (error) => {
    console.error(`${event}:`, error)
    console.log("e2e: 0 passed, 1 failed")
    void cleanUp().finally(() => process.exit(1))
  })
}

/** @returns {Promise<{ baseUrl: string, admin: { email: string, password: string } }>} */
async function bootApp() {
  const app = path.join(work, "app")
  const medusa = path.join(app, "node_modules", ".bin", "medusa")
  const log = (/** @type {string} */ name) => path.join(ARTIFACTS, name)

  if (!(await portIsFree(PORT))) throw new Error(`port ${PORT} is in use; set CAM_E2E_PORT`)
  console.log("Snapshotting the checkout…")
  snapshotCheckout(app)

  database = await resolveDatabase({ name: "pg-e2e", port: 54331 })
  await dropDatabase(database)
  await ensureDatabase(database, DATABASE)
  const appEnv = { ...env, DATABASE_URL: databaseUrl(database, DATABASE) }

  const phase = Date.now()
  console.log("Building the admin and migrating the database…")
  await Promise.all([
    // NODE_ENV=production: Vite bakes it into the bundle (React's production build).
    run(medusa, ["build", "--admin-only"], { cwd: app, env: { ...appEnv, NODE_ENV: "production" }, log: log("build.log") }),
    run(medusa, ["db:migrate"], { cwd: app, env: appEnv, log: log("migrate.log") }).then(() =>
      run(medusa, ["user", "-e", ADMIN.email, "-p", ADMIN.password], { cwd: app, env: appEnv, log: log("user.log") })
    ),
  ])
  // `medusa start` outside development serves the admin from ./public/admin.
  fs.mkdirSync(path.join(app, "public"), { recursive: true })
  fs.symlinkSync(path.join(app, ".medusa", "admin"), path.join(app, "public", "admin"))
  console.log(`  built and migrated in ${seconds(phase)}`)

  const boot = Date.now()
  console.log(`Booting on port ${PORT}…`)
  // Production mode: the static admin bundle, no file watcher. The backend
  // still runs from the TypeScript sources, as `medusa develop` does.
  const server = spawn(medusa, ["start"], {
    cwd: app,
    env: {
      ...appEnv,
      NODE_ENV: "production",
      PORT: String(PORT),
      CAM_PLUGIN_OPTIONS: JSON.stringify(PLUGIN_OPTIONS),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  children.add(server)
  server.on("exit", () => children.delete(server))
  const serverLog = fs.createWriteStream(log("server.log"))
  server.stdout?.pipe(serverLog)
  server.stderr?.pipe(serverLog)
  const baseUrl = `http://localhost:${PORT}`
  await waitForHealth(baseUrl, server, log("server.log"))
  console.log(`  healthy in ${seconds(boot)}`)
  return { baseUrl, admin: ADMIN }
}

let exitCode = 1
try {
  fs.rmSync(ARTIFACTS, { recursive: true, force: true })
  fs.mkdirSync(ARTIFACTS, { recursive: true })

  const external = process.env.CAM_E2E_BASE_URL
  /** @type {{ baseUrl: string, admin: { email: string, password: string } }} */
  let target
  if (external) {
    target = {
      baseUrl: external,
      admin: {
        email: process.env.CAM_E2E_ADMIN_EMAIL || "admin@example.com",
        password: process.env.CAM_E2E_ADMIN_PASSWORD || "supersecret",
      },
    }
  } else {
    try {
      target = await bootApp()
    } catch (error) {
      if (!interrupted) {
        console.log(`  ✕ app: boots from a snapshot of the checkout: ${error instanceof Error ? error.message.split("\n")[0] : error}`)
      }
      throw error
    }
  }

  console.log("E2E checks:")
  const checksStarted = Date.now()
  await runSuite({ ...target, artifactsDir: ARTIFACTS, freshDatabase: !external, runner })
  if (interrupted) throw new Error("interrupted")
  console.log(`  (checks took ${seconds(checksStarted)})`)

  if (runner.failed > 0) {
    console.log(`Screenshots and logs of the failed run: ${path.relative(ROOT, ARTIFACTS)}/`)
  } else if (!external) {
    // Only from the app booted here: plain names, nobody else's data.
    fs.mkdirSync(SCREENSHOTS, { recursive: true })
    for (const name of WIDGET_SCREENSHOTS) {
      fs.copyFileSync(path.join(ARTIFACTS, `${name}.png`), path.join(SCREENSHOTS, `${name}.png`))
    }
    console.log(`Widget screenshots copied to ${path.relative(ROOT, SCREENSHOTS)}/`)
  }
  console.log(`e2e: ${runner.passed} passed, ${runner.failed} failed (${seconds()})`)
  exitCode = runner.failed === 0 ? 0 : 1
} catch (error) {
  if (!interrupted) {
    console.error(error instanceof Error ? error.message : error)
    console.log(`e2e: ${runner.passed} passed, ${runner.failed + 1} failed (${seconds()})`)
  }
} finally {
  await cleanUp()
}
process.exit(interrupted ? 130 : exitCode)
