// Shared plumbing of `npm run test:cluster`: checks and their report, Medusa
// server processes (own process group, output captured to artifacts/cluster/),
// HTTP calls, SQL, a minimal Redis client and cleanup on exit or signal.
import { spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import pg from "pg"
import { ROOT } from "../tooling/database.mjs"
import { requestJson } from "../tooling/http.mjs"

export { ROOT }
export const ARTIFACTS = path.join(ROOT, "artifacts", "cluster")
const MEDUSA_CLI = path.join(ROOT, "node_modules", "@medusajs", "cli", "cli.js")

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Resolves with `promise`, or after `ms` whatever it does (for cleanup steps that may hang). */
export const atMost = (ms, promise) => Promise.race([promise, sleep(ms)])

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

const results = []

/** Runs one check and prints `  ✓ name` or `  ✕ name: reason`. */
export async function check(name, fn) {
  const started = Date.now()
  try {
    const detail = await fn()
    results.push({ name, ok: true })
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    console.log(`  ✓ ${name}${detail ? ` (${detail})` : ""} [${seconds} s]`)
  } catch (error) {
    results.push({ name, ok: false })
    console.log(`  ✕ ${name}: ${error instanceof Error ? error.message : error}`)
  }
}

/** Records a failure that happened outside any check (setup, crash). */
export function fail(name, reason) {
  results.push({ name, ok: false })
  console.log(`  ✕ ${name}: ${reason}`)
}

export function summary() {
  const passed = results.filter((r) => r.ok).length
  return { passed, failed: results.length - passed }
}

export function expect(condition, message) {
  if (!condition) {
    throw new Error(typeof message === "function" ? message() : message)
  }
}

/** Polls `probe` until it returns a truthy value; throws `message` after `timeoutMs`. */
export async function eventually(probe, { timeoutMs = 20_000, intervalMs = 250, message = "timed out" } = {}) {
  const deadline = Date.now() + timeoutMs
  let last
  for (;;) {
    last = await probe()
    if (last) return last
    if (Date.now() > deadline) {
      throw new Error(typeof message === "function" ? message() : message)
    }
    await sleep(intervalMs)
  }
}

/** Polls `read` until its value stays the same for `quietMs` (background writes settled). */
export async function settled(read, { quietMs = 1500, timeoutMs = 20_000 } = {}) {
  const deadline = Date.now() + timeoutMs
  let value = JSON.stringify(await read())
  let since = Date.now()
  while (Date.now() - since < quietMs && Date.now() < deadline) {
    await sleep(250)
    const next = JSON.stringify(await read())
    if (next !== value) {
      value = next
      since = Date.now()
    }
  }
  return JSON.parse(value)
}

export const countBy = (items) =>
  items.reduce((acc, item) => ((acc[item] = (acc[item] ?? 0) + 1), acc), {})

export const formatCounts = (counts) =>
  Object.entries(counts)
    .sort(([a], [b]) => String(a).localeCompare(String(b)))
    .map(([status, n]) => `${n}×${status}`)
    .join(" / ")

// ---------------------------------------------------------------------------
// Cleanup: LIFO, once, also on SIGINT/SIGTERM
// ---------------------------------------------------------------------------

const cleanups = []
let cleaning = null

export function onCleanup(fn) {
  cleanups.push(fn)
}

export function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop()
      try {
        await fn()
      } catch (error) {
        console.error(`cleanup: ${error instanceof Error ? error.message : error}`)
      }
    }
  })()
  return cleaning
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, async () => {
    console.log(`\n${signal}: stopping everything this run started…`)
    await cleanup()
    process.exit(130)
  })
}

// ---------------------------------------------------------------------------
// Medusa processes
// ---------------------------------------------------------------------------

/** Environment for every Medusa process of the run (no inherited test settings). */
export function medusaEnv(extra) {
  const env = {
    ...process.env,
    NODE_ENV: "development",
    MEDUSA_DISABLE_TELEMETRY: "true",
    ADMIN_DISABLED: "true",
    LOG_LEVEL: "info",
    ...extra,
  }
  for (const key of ["NODE_OPTIONS", "TEST_TYPE", "DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD", "DB_TEMP_NAME"]) {
    delete env[key]
  }
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete env[key]
  }
  return env
}

/**
 * Starts `medusa <args>` from the repo root in its own process group, its
 * stdout and stderr appended to artifacts/cluster/<name>.log.
 */
export function startMedusa(name, args, env) {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const logPath = path.join(ARTIFACTS, `${name}.log`)
  const log = fs.createWriteStream(logPath, { flags: "w" })
  const child = spawn(process.execPath, [MEDUSA_CLI, ...args], {
    cwd: ROOT,
    // `KEY: undefined` removes an inherited variable.
    env: Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  let tail = ""
  const capture = (chunk) => {
    log.write(chunk)
    tail = (tail + chunk).slice(-200_000)
  }
  child.stdout.on("data", capture)
  child.stderr.on("data", capture)
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))))
  exited.then(() => log.end())

  const proc = {
    name,
    child,
    logPath,
    exited,
    output: () => tail,
    running: () => child.exitCode === null && child.signalCode === null,
    /** SIGTERM to the whole group, SIGKILL after 8 s. */
    async stop() {
      if (!proc.running()) return
      const kill = (signal) => {
        try {
          process.kill(-child.pid, signal)
        } catch {}
      }
      kill("SIGTERM")
      const timer = setTimeout(() => kill("SIGKILL"), 8000)
      await exited
      clearTimeout(timer)
    },
  }
  onCleanup(() => proc.stop())
  return proc
}

/** Runs a Medusa CLI command to completion; throws with its output's tail on failure. */
export async function runMedusa(name, args, env) {
  const proc = startMedusa(name, args, env)
  const code = await proc.exited
  if (code !== 0) {
    throw new Error(`medusa ${args[0]} failed (${code}), see ${path.relative(ROOT, proc.logPath)}:\n${proc.output().slice(-2000)}`)
  }
  return proc.output()
}

/** Boots `medusa start` on `port` and waits for /health. */
export async function startServer(name, port, env, { timeoutMs = 120_000 } = {}) {
  const proc = startMedusa(name, ["start"], { ...env, PORT: String(port) })
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (!proc.running()) {
      throw new Error(`${name} exited while booting, see ${path.relative(ROOT, proc.logPath)}:\n${proc.output().slice(-2000)}`)
    }
    const ok = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) })
      .then((r) => r.ok)
      .catch(() => false)
    if (ok) break
    if (Date.now() > deadline) {
      throw new Error(`${name} did not answer /health within ${timeoutMs / 1000} s`)
    }
    await sleep(300)
  }
  return { ...proc, base, api: client(base) }
}

export function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", () => reject(new Error(`port ${port} is in use (override with CAM_CLUSTER_PORTS)`)))
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()))
  })
}

/** A port nothing listens on (bound and released). */
export function closedPort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

// ---------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------

/**
 * JSON calls against one server. Never throws: a connection error answers
 * `{ status: 0, error }` so bursts can count them.
 */
export function client(base) {
  return async (method, url, body, headers = {}, { timeoutMs = 30_000 } = {}) => {
    try {
      return await requestJson(`${base}${url}`, { method, body, headers, timeoutMs })
    } catch (error) {
      return { status: 0, data: null, error: error?.cause?.code ?? error?.name ?? String(error) }
    }
  }
}

// ---------------------------------------------------------------------------
// SQL
// ---------------------------------------------------------------------------

/** One query on a short-lived connection (robust across a Postgres restart). */
export async function sql(credentials, database, text, params = []) {
  const connection = new pg.Client({
    host: credentials.host,
    port: credentials.port,
    user: credentials.user,
    password: credentials.password,
    database,
  })
  connection.on("error", () => {})
  await connection.connect()
  try {
    return (await connection.query(text, params)).rows
  } finally {
    await connection.end().catch(() => {})
  }
}

export const quoteIdent = (name) => `"${String(name).replace(/"/g, '""')}"`

/**
 * SQL condition on `login_throttle` selecting the identifier row of the
 * e-mail bound as `$1`: keyed by its emailpass identity's id when the e-mail
 * names one, else by the e-mail itself (`lockoutSubjectOf` in
 * src/lib/identity/auth-identity.ts).
 */
export const IDENTIFIER_THROTTLE_ROW = `scope = 'identifier' and deleted_at is null and (key = $1 or key in (
  select auth_identity_id from provider_identity where provider = 'emailpass' and entity_id = $1 and deleted_at is null))`

export async function recreateDatabase(credentials, database) {
  await sql(credentials, "postgres", `drop database if exists ${quoteIdent(database)} with (force)`)
  await sql(credentials, "postgres", `create database ${quoteIdent(database)}`)
}

export async function dropDatabase(credentials, database) {
  await sql(credentials, "postgres", `drop database if exists ${quoteIdent(database)} with (force)`)
}

// ---------------------------------------------------------------------------
// Redis (just enough RESP for PING / SELECT / FLUSHDB / DBSIZE)
// ---------------------------------------------------------------------------

export function parseRedisUrl(url) {
  const parsed = new URL(url)
  return {
    host: parsed.hostname || "127.0.0.1",
    port: Number(parsed.port || 6379),
    password: parsed.password ? decodeURIComponent(parsed.password) : null,
    username: parsed.username ? decodeURIComponent(parsed.username) : null,
    db: Number(parsed.pathname.replace(/^\//, "") || 0),
  }
}

/** Same server, another database index (`redis://h:p/7` -> `redis://h:p/8`). */
export function redisUrlWithDb(url, db) {
  const parsed = new URL(url)
  parsed.pathname = `/${db}`
  return parsed.toString()
}

/**
 * Sends commands to the URL's database (SELECT first) and resolves with the
 * replies; rejects on connection errors, Redis errors or after `timeoutMs`.
 */
export function redisCommands(url, commands, { timeoutMs = 3000 } = {}) {
  const { host, port, password, username, db } = parseRedisUrl(url)
  const all = [
    ...(password ? [username ? ["AUTH", username, password] : ["AUTH", password]] : []),
    ["SELECT", String(db)],
    ...commands,
  ]
  const encode = (args) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port })
    const replies = []
    let buffer = ""
    const done = (error) => {
      socket.destroy()
      error ? reject(error) : resolve(replies.slice(all.length - commands.length))
    }
    socket.setTimeout(timeoutMs, () => done(new Error(`no answer from Redis at ${host}:${port} within ${timeoutMs} ms`)))
    socket.once("error", (error) => done(new Error(`cannot reach Redis at ${host}:${port}: ${error.code ?? error.message}`)))
    socket.once("connect", () => socket.write(all.map(encode).join("")))
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8")
      // Replies to these commands are single lines (+OK, :n, -ERR).
      let index
      while ((index = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, index)
        buffer = buffer.slice(index + 2)
        if (line.startsWith("-")) return done(new Error(`Redis: ${line.slice(1)}`))
        replies.push(line.startsWith(":") ? Number(line.slice(1)) : line.slice(1))
      }
      if (replies.length === all.length) done()
    })
  })
}
