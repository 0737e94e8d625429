/**
 * Helpers for benchmarks that need the real app: a throwaway database
 * (system PostgreSQL, DATABASE_URL or the embedded one), migrations, and the
 * Medusa CLI of this repo.
 */
import { spawn, type ChildProcess } from "node:child_process"
import path from "node:path"
import pg from "pg"

export const ROOT = path.resolve(__dirname, "../..")

type Credentials = { host: string; port: number; user: string; password: string }
type Database = Credentials & { stop: () => Promise<void> }

export function medusa(args: string[], env: NodeJS.ProcessEnv, output: "ignore" | "inherit" | "pipe" = "ignore"): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, "node_modules/@medusajs/cli/cli.js"), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "development", MEDUSA_DISABLE_TELEMETRY: "true", LOG_LEVEL: "error", ...env },
    stdio: ["ignore", output, "inherit"],
  })
}

export function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)))
}

async function admin(db: Credentials, sql: string): Promise<void> {
  const client = new pg.Client({ ...db, database: "postgres" })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Runs `work` against a freshly migrated database that is dropped afterwards. */
export async function withBenchDatabase<T>(name: string, work: (url: string) => Promise<T>): Promise<T> {
  const { resolveDatabase } = (await import(path.join(ROOT, "tooling/database.mjs"))) as {
    resolveDatabase: (o: { name: string; port: number; log?: (m: string) => void }) => Promise<Database>
  }
  const db = await resolveDatabase({ name: "pg-bench", port: 54331, log: () => {} })
  try {
    await admin(db, `drop database if exists ${name} with (force)`)
    await admin(db, `create database ${name}`)
    const auth = db.password ? `${db.user}:${encodeURIComponent(db.password)}` : db.user
    const url = `postgres://${auth}@${db.host}:${db.port}/${name}`
    if ((await exited(medusa(["db:migrate"], { DATABASE_URL: url }))) !== 0) {
      throw new Error("migrations failed")
    }
    return await work(url)
  } finally {
    await admin(db, `drop database if exists ${name} with (force)`).catch(() => {})
    await db.stop()
  }
}

export type Server = { url: string; stop: () => Promise<void> }

/** Starts `medusa start` of the dev app (no admin) and waits for /health. */
export async function startServer(url: string, port: number, env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const child = medusa(["start"], { DATABASE_URL: url, PORT: String(port), ADMIN_DISABLED: "true", ...env })
  const base = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM")
      await exited(child)
    }
  }
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited`)
    const ok = await fetch(`${base}/health`).then((r) => r.ok).catch(() => false)
    if (ok) return { url: base, stop }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  await stop()
  throw new Error(`server on ${port} did not start`)
}
