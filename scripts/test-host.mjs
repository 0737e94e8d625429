#!/usr/bin/env node
// `npm run test:host`: proves the published package works in a merchant's
// app. Builds and packs the plugin, creates a throwaway Medusa app in a temp
// folder that depends on the tarball and lists the plugin under `plugins`
// with non-default options, migrates, boots it and runs an HTTP smoke test.
// Prints `host: N passed, N failed` and removes everything it created.
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { databaseUrl, ensureDatabase, resolveDatabase, ROOT } from "../tooling/database.mjs"

const MEDUSA_VERSION = "2.21.2"
const PORT = Number(process.env.CAM_HOST_PORT || 9411)
const DATABASE = "cam_host_app"
const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", NODE_ENV: "development" }
delete env.NODE_OPTIONS
delete env.TEST_TYPE

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env, ...options })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${output.slice(-3000)}`))
    )
  })
}

const results = []
async function check(name, fn) {
  try {
    await fn()
    results.push([name, true])
    console.log(`  ✓ ${name}`)
  } catch (error) {
    results.push([name, false])
    console.log(`  ✕ ${name}: ${error instanceof Error ? error.message : error}`)
  }
}
function expect(condition, message) {
  if (!condition) throw new Error(message)
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "cam-host-"))
const app = path.join(work, "app")
let server
let database

try {
  console.log("Building and packing the plugin…")
  await run("npm", ["run", "build"], { cwd: ROOT })
  const packed = (await run("npm", ["pack", "--pack-destination", work], { cwd: ROOT })).trim().split("\n").pop()
  const tarball = path.join(work, packed)
  const listing = await run("tar", ["-tzf", tarball])
  expect(
    !/medusa-config|integration-tests|__tests__|\.data\/|server\/(dev|e2e|cluster|bench|scripts|tooling|docs|artifacts)\//.test(listing),
    "the tarball holds tests, config, dev-app parts or data"
  )

  console.log("Creating a host app…")
  fs.mkdirSync(path.join(app, "src"), { recursive: true })
  const medusaDeps = ["medusa", "framework", "cli", "draft-order", "admin-sdk", "test-utils", "ui", "icons"]
  const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))
  const pin = (name) => rootPkg.devDependencies[name]
  fs.writeFileSync(
    path.join(app, "package.json"),
    JSON.stringify(
      {
        name: "cam-host-app",
        private: true,
        dependencies: {
          ...Object.fromEntries(medusaDeps.map((d) => [`@medusajs/${d}`, pin(`@medusajs/${d}`) ?? MEDUSA_VERSION])),
          "medusa-customer-accounts": `file:${tarball}`,
          pg: pin("pg"),
          react: pin("react"),
          "react-dom": pin("react-dom"),
          "react-router-dom": pin("react-router-dom"),
        },
        devDependencies: {
          typescript: pin("typescript"),
          "ts-node": pin("ts-node"),
          "@swc/core": pin("@swc/core"),
          "@types/node": pin("@types/node"),
        },
      },
      null,
      2
    )
  )
  fs.copyFileSync(path.join(ROOT, "tsconfig.json"), path.join(app, "tsconfig.json"))
  fs.writeFileSync(
    path.join(app, "medusa-config.ts"),
    `import { defineConfig } from "@medusajs/framework/utils"
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { storeCors: "*", adminCors: "*", authCors: "*", jwtSecret: "host-secret", cookieSecret: "host-secret" },
  },
  admin: { disable: true },
  plugins: [
    {
      resolve: "medusa-customer-accounts",
      options: {
        passwordPolicy: { minLength: 12 },
        lockout: { maxAttempts: 3 },
      },
    },
  ],
  modules: [
    {
      resolve: "@medusajs/medusa/notification",
      options: { providers: [{ resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["email"] } }] },
    },
  ],
})
`
  )
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: app })

  database = await resolveDatabase({ name: "pg-host", port: 54333, log: () => {} })
  const admin = new URL(databaseUrl(database, "postgres"))
  const pg = (await import("pg")).default
  const client = new pg.Client({ host: database.host, port: database.port, user: database.user, password: database.password, database: "postgres" })
  await client.connect()
  await client.query(`drop database if exists ${DATABASE} with (force)`)
  await client.end()
  await ensureDatabase(database, DATABASE)
  env.DATABASE_URL = databaseUrl(database, DATABASE)
  void admin

  const medusa = path.join(app, "node_modules", ".bin", "medusa")
  console.log("Migrating…")
  const migration = await run(medusa, ["db:migrate"], { cwd: app })
  await run(medusa, ["user", "-e", "host-admin@example.com", "-p", "host-admin-password"], { cwd: app })

  console.log("Booting…")
  server = spawn(medusa, ["start"], { cwd: app, env: { ...env, PORT: String(PORT) }, stdio: ["ignore", "pipe", "pipe"], detached: true })
  let serverLog = ""
  server.stdout.on("data", (c) => (serverLog += c))
  server.stderr.on("data", (c) => (serverLog += c))
  const base = `http://127.0.0.1:${PORT}`
  for (let i = 0; ; i++) {
    if (await fetch(`${base}/health`).then((r) => r.ok).catch(() => false)) break
    if (i > 300 || server.exitCode !== null) throw new Error(`host app did not start:\n${serverLog.slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 300))
  }
  const call = async (method, url, body, headers = {}) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, data: text ? JSON.parse(text) : null }
  }

  console.log("Smoke test:")
  await check("migrations of all plugin modules ran", async () => {
    for (const module of ["customerAccounts", "customerNote", "accountSecurity", "accountActivity", "customerPreference", "customerGroupRule"]) {
      expect(migration.includes(module), `no migration output for ${module}`)
    }
  })
  const login = await call("POST", "/auth/user/emailpass", { email: "host-admin@example.com", password: "host-admin-password" })
  const adminHeaders = { authorization: `Bearer ${login.data?.token}` }
  let customerId
  await check("a note is created through the plugin's admin route (and read through the link)", async () => {
    const customer = await call("POST", "/admin/customers", { email: "buyer@example.com" }, adminHeaders)
    customerId = customer.data.customer.id
    const note = await call("POST", `/admin/customers/${customerId}/notes`, { body: "Installed from npm" }, adminHeaders)
    expect(note.status === 200 && note.data.note.author.email === "host-admin@example.com", `note: ${JSON.stringify(note)}`)
  })
  await check("a weak registration is refused with the host's minLength 12", async () => {
    const weak = await call("POST", "/auth/customer/emailpass/register", { email: "weak@example.com", password: "violet-trac" })
    expect(weak.status === 400 && weak.data.errors.some((e) => e.code === "too_short"), JSON.stringify(weak))
  })
  await check("failed logins are counted and lock after the host's maxAttempts 3", async () => {
    const statuses = []
    for (let i = 0; i < 4; i++) {
      statuses.push((await call("POST", "/auth/customer/emailpass", { email: "buyer@example.com", password: `wrong ${i}` })).status)
      await new Promise((r) => setTimeout(r, 150))
    }
    expect(JSON.stringify(statuses) === "[401,401,401,429]", `statuses ${statuses}`)
    const security = await call("GET", `/admin/customers/${customerId}/security`, undefined, adminHeaders)
    expect(security.data.security.locked === true, JSON.stringify(security.data))
  })
  await check("subscribers are loaded (the lock is recorded on the customer's activity timeline)", async () => {
    const reg = await call("POST", "/auth/customer/emailpass/register", { email: "member@example.com", password: "violet tractor whispers at noon 7" })
    const key = await call("POST", "/admin/api-keys", { title: "Host storefront", type: "publishable" }, adminHeaders)
    const created = await call(
      "POST",
      "/store/customers",
      { email: "member@example.com" },
      { authorization: `Bearer ${reg.data.token}`, "x-publishable-api-key": key.data.api_key.token }
    )
    expect(created.status === 200, `store customer: ${JSON.stringify(created)}`)
    for (let i = 0; i < 3; i++) {
      await call("POST", "/auth/customer/emailpass", { email: "member@example.com", password: `wrong ${i}` })
    }
    const list = await call("GET", "/admin/customers?q=member@example.com", undefined, adminHeaders)
    const id = list.data.customers?.[0]?.id
    for (let i = 0; i < 40; i++) {
      const activity = id ? await call("GET", `/admin/customers/${id}/activity?kind=security`, undefined, adminHeaders) : null
      const types = activity?.data?.activities?.map((entry) => entry.type) ?? []
      if (types.includes("account.locked") && types.filter((type) => type === "login.failed").length === 3) return
      await new Promise((r) => setTimeout(r, 250))
    }
    throw new Error("no lock entry on the activity timeline")
  })
  await check("the admin bundle ships the widgets", async () => {
    const bundle = fs.readFileSync(path.join(app, "node_modules/medusa-customer-accounts/.medusa/server/src/admin/index.mjs"), "utf8")
    for (const id of [
      "customer-accounts:customer-notes",
      "customer-accounts:account-activity",
      "customer-accounts:account-security",
      "customer-accounts:preferences",
      "customer-accounts:group-rules",
      "customer-accounts:group-memberships",
    ]) {
      expect(bundle.includes(id), `missing widget ${id}`)
    }
  })
} catch (error) {
  results.push(["host app setup", false])
  console.error(error instanceof Error ? error.message : error)
} finally {
  if (server && server.exitCode === null) {
    try { process.kill(-server.pid, "SIGTERM") } catch {}
    await new Promise((r) => setTimeout(r, 1000))
  }
  if (database) {
    try {
      const pg = (await import("pg")).default
      const client = new pg.Client({ host: database.host, port: database.port, user: database.user, password: database.password, database: "postgres" })
      await client.connect()
      await client.query(`drop database if exists ${DATABASE} with (force)`)
      await client.end()
    } catch {}
    await database.stop()
  }
  fs.rmSync(work, { recursive: true, force: true })
}

const passed = results.filter(([, ok]) => ok).length
const failed = results.length - passed
console.log(`host: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
