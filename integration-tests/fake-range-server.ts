import { createHash } from "node:crypto"
import http from "node:http"
import type { AddressInfo } from "node:net"

/**
 * A stand-in for the Pwned Passwords range API on localhost (real HTTP), for
 * the unit and HTTP specs and the bench: it answers `GET <base>/<prefix>`
 * with the suffixes of the passwords it was given, padded with zero-count
 * entries when asked (`Add-Padding: true`), and records what each request
 * carried. `mode` makes it hang or answer 503.
 */
export type FakeRangeMode = "ok" | "hang" | "unavailable"

export interface FakeRangeRequest {
  /** The path after the base, i.e. what left the server under test. */
  path: string
  padding: string | undefined
}

export interface FakeRangeServer {
  /** The `rangeUrl` to configure. */
  url: string
  requests: FakeRangeRequest[]
  mode: FakeRangeMode
  /** Adds a password the service "knows", `count` times. */
  add(password: string, count?: number): void
  /** Forgets every password added. */
  clear(): void
  close(): Promise<void>
}

/** Zero-count entries added to every padded answer (the public service pads to 800-1000 lines). */
export const PADDING_ENTRIES = 800

function sha1(text: string): string {
  return createHash("sha1").update(text.normalize("NFKC"), "utf8").digest("hex").toUpperCase()
}

function paddingSuffix(prefix: string, index: number): string {
  return createHash("sha1").update(`${prefix}:${index}`).digest("hex").toUpperCase().slice(0, 35)
}

export async function startFakeRangeServer(): Promise<FakeRangeServer> {
  const known = new Map<string, number>()
  const hanging = new Set<http.ServerResponse>()
  const state = { mode: "ok" as FakeRangeMode }
  const requests: FakeRangeRequest[] = []

  const server = http.createServer((req, res) => {
    const path = (req.url ?? "").replace(/^\/range\//, "")
    requests.push({ path, padding: req.headers["add-padding"] as string | undefined })
    if (state.mode === "hang") {
      hanging.add(res)
      res.on("close", () => hanging.delete(res))
      return
    }
    if (state.mode === "unavailable" || !/^[0-9A-F]{5}$/.test(path)) {
      res.writeHead(state.mode === "unavailable" ? 503 : 400).end()
      return
    }
    const lines = [...known]
      .filter(([hash]) => hash.startsWith(path))
      .map(([hash, count]) => `${hash.slice(5)}:${count}`)
    if (req.headers["add-padding"] === "true") {
      for (let index = 0; index < PADDING_ENTRIES; index++) {
        lines.push(`${paddingSuffix(path, index)}:0`)
      }
    }
    res.writeHead(200, { "content-type": "text/plain" }).end(lines.join("\r\n"))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/range/`,
    requests,
    get mode() {
      return state.mode
    },
    set mode(mode: FakeRangeMode) {
      state.mode = mode
      if (mode !== "hang") {
        for (const res of hanging) {
          res.destroy()
        }
      }
    },
    add(password, count = 1) {
      known.set(sha1(password), count)
    },
    clear() {
      known.clear()
    },
    close: async () => {
      for (const res of hanging) {
        res.destroy()
      }
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
