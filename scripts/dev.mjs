#!/usr/bin/env node
// `npm run dev`: runs Medusa with this plugin and its admin at
// http://localhost:9000/app. Uses DATABASE_URL when set, else a PostgreSQL on
// localhost:5432, else an embedded PostgreSQL (data in .data/pg-dev). Runs the
// migrations, makes sure a first admin user exists, seeds a publishable key
// and a demo customer (dev/seed-demo.ts), prints the database it uses and the
// variables of the README's curl flow, then `medusa develop`.
// Ctrl-C stops Medusa and the embedded PostgreSQL.
import { spawn } from "node:child_process"
import path from "node:path"
import { databaseUrl, ensureDatabase, resolveDatabase, ROOT } from "../tooling/database.mjs"

const ADMIN_EMAIL = process.env.CAM_ADMIN_EMAIL || "admin@example.com"
const ADMIN_PASSWORD = process.env.CAM_ADMIN_PASSWORD || "supersecret"
const DEV_DATABASE = process.env.CAM_DEV_DATABASE || "medusa_customer_accounts_dev"
/** dev/seed-demo.ts's demo customer password (printed for the curl flow). */
const DEMO_PASSWORD = "a long and unusual passphrase 42"
const medusa = path.join(ROOT, "node_modules", ".bin", "medusa")

function run(args, env, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(medusa, args, {
      cwd: ROOT,
      env,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    })
    let output = ""
    child.stdout?.on("data", (chunk) => (output += chunk))
    child.stderr?.on("data", (chunk) => (output += chunk))
    child.on("exit", (code) => resolve({ code: code ?? 1, output }))
  })
}

const database = await resolveDatabase({ name: "pg-dev", port: 54320 })
let stopping = false
const shutdown = async (code) => {
  if (stopping) return
  stopping = true
  await database.stop().catch(() => {})
  process.exit(code)
}

try {
  let url = process.env.DATABASE_URL
  if (!url) {
    await ensureDatabase(database, DEV_DATABASE)
    url = databaseUrl(database, DEV_DATABASE)
  }
  const env = {
    CAM_LOG_NOTIFICATIONS: "true",
    ...process.env,
    DATABASE_URL: url,
    MEDUSA_DISABLE_TELEMETRY: "true",
  }

  console.log("Running migrations…")
  const migrate = await run(["db:migrate"], env, { quiet: true })
  if (migrate.code !== 0) {
    console.error(migrate.output)
    throw new Error("medusa db:migrate failed")
  }

  const user = await run(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], env, { quiet: true })
  const alreadyThere = /already exists|duplicate/i.test(user.output)
  if (user.code !== 0 && !alreadyThere) {
    console.error(user.output)
    throw new Error("Could not create the first admin user")
  }
  // A publishable key and a demo customer with a note (kept when present).
  const seed = await run(["exec", "./dev/seed-demo.ts"], env, { quiet: true })
  const seeded = seed.output
    .split("\n")
    .map((line) => {
      try {
        return JSON.parse(line)
      } catch {
        return null
      }
    })
    .find((value) => value && typeof value.pk === "string")
  if (seed.code !== 0 || !seeded) {
    console.error(seed.output)
    throw new Error("Could not seed the demo customer (dev/seed-demo.ts)")
  }

  const source = process.env.DATABASE_URL
    ? "DATABASE_URL"
    : database.embedded
      ? "an embedded PostgreSQL (data in .data/)"
      : `the PostgreSQL on ${database.host}:${database.port}`
  const where = new URL(url)
  console.log(
    [
      "",
      `Database: ${where.pathname.slice(1)} on ${where.hostname}:${where.port || 5432} (${source})`,
      `Admin:    http://localhost:9000/app  e-mail: ${ADMIN_EMAIL}  password: ${
        alreadyThere ? "(unchanged: user already existed)" : ADMIN_PASSWORD
      }`,
      `Demo customer: ${seeded.email} / ${DEMO_PASSWORD}  (http://localhost:9000/app/customers/${seeded.customer_id})`,
      "For the README's curl flow:",
      "  export MEDUSA=http://localhost:9000",
      `  export PK=${seeded.pk}`,
      "E-mails (reset links, verification links) are printed in this terminal by @medusajs/notification-local.",
      "",
    ].join("\n")
  )

  // Own process group: `medusa develop` starts a server child of its own,
  // and stopping must reach it even when only this process got the signal.
  const develop = spawn(medusa, ["develop"], { cwd: ROOT, env, stdio: "inherit", detached: true })
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      try {
        process.kill(-develop.pid, signal)
      } catch {
        develop.kill(signal)
      }
    })
  }
  develop.on("exit", (code) => shutdown(code ?? 0))
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  await shutdown(1)
}
