import { spawn, type ChildProcess } from "node:child_process"
import net from "node:net"
import path from "node:path"
import axios, { type AxiosInstance } from "axios"

const ROOT = path.resolve(__dirname, "../../..")

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export type SecondInstance = { api: AxiosInstance; stop: () => Promise<void> }

/**
 * Boots another Medusa server process of this app (`medusa start`, from the
 * TypeScript sources) on the same database as the test runner's app, as a
 * second instance behind a load balancer would be.
 */
export async function startSecondInstance(
  databaseUrl: string,
  { timeoutMs = 90_000 } = {}
): Promise<SecondInstance> {
  const port = await freePort()
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/@medusajs/cli/cli.js"), "start"],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "development",
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        ADMIN_DISABLED: "true",
        LOG_LEVEL: "error",
        MEDUSA_DISABLE_TELEMETRY: "true",
      },
      stdio: ["ignore", "ignore", "pipe"],
    }
  )
  let stderr = ""
  child.stderr?.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)))
  const api = axios.create({ baseURL: `http://127.0.0.1:${port}` })
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) {
        return resolve()
      }
      child.once("exit", () => resolve())
      child.kill("SIGTERM")
      setTimeout(() => child.kill("SIGKILL"), 5000).unref()
    })

  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`Second instance exited with ${child.exitCode}: ${stderr}`)
    }
    const healthy = await api
      .get("/health")
      .then(() => true)
      .catch(() => false)
    if (healthy) {
      return { api, stop }
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`Second instance did not start in time: ${stderr}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
