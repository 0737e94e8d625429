import http from "node:http"

/** A request body exactly as it goes on the wire (no client-side re-encoding). */
export type RawBody = { contentType?: string; payload?: string }

export type RawRequest = {
  method: string
  /** Path and query string, sent verbatim (already percent-encoded as wanted). */
  path: string
  headers?: Record<string, string>
  body?: RawBody
}

export type RawResponse = {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
  /** The parsed body, or `undefined` when it is not JSON. */
  json: unknown
}

/**
 * A bare HTTP client for fuzzing. Axios would "help": it re-encodes JSON
 * strings, normalizes `..` in paths and parses query strings, so the server
 * would never see the malformed input we mean to send.
 */
export function createRawClient(baseUrl: string, { timeoutMs = 15_000 } = {}) {
  const { hostname, port } = new URL(baseUrl)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 })

  const request = ({ method, path, headers = {}, body }: RawRequest) =>
    new Promise<RawResponse>((resolve, reject) => {
      const payload = body?.payload === undefined ? undefined : Buffer.from(body.payload, "utf8")
      const req = http.request(
        {
          agent,
          hostname,
          port,
          method,
          path,
          headers: {
            ...headers,
            ...(body?.contentType && { "content-type": body.contentType }),
            ...(payload && { "content-length": String(payload.length) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on("data", (chunk: Buffer) => chunks.push(chunk))
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8")
            let json: unknown
            try {
              json = text ? JSON.parse(text) : undefined
            } catch {
              json = undefined
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
          })
          res.on("error", reject)
        }
      )
      // A hang is a failure too: the property sees it as a rejected request.
      req.setTimeout(timeoutMs, () =>
        req.destroy(new Error(`No answer within ${timeoutMs} ms: ${method} ${path.slice(0, 200)}`))
      )
      req.on("error", reject)
      req.end(payload)
    })

  return { request, close: () => agent.destroy() }
}

export type RawClient = ReturnType<typeof createRawClient>
