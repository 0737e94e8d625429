// A Pwned Passwords range API on localhost for the cluster run (the HTTP
// specs' TypeScript twin is integration-tests/fake-range-server.ts): it knows
// no password, answers every prefix with padding only, and counts the
// requests per prefix, so a check can tell which instance asked whom.
import http from "node:http"

export async function startRangeServer() {
  const requests = new Map()
  const server = http.createServer((req, res) => {
    const prefix = (req.url ?? "").replace(/^\/range\//, "")
    requests.set(prefix, (requests.get(prefix) ?? 0) + 1)
    const lines = Array.from({ length: 50 }, (_, index) => `${(index.toString(16) + "0".repeat(35)).slice(0, 35).toUpperCase()}:0`)
    res.writeHead(200, { "content-type": "text/plain" }).end(lines.join("\r\n"))
  })
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}/range/`,
    /** How often `prefix` was asked for. */
    count: (prefix) => requests.get(prefix) ?? 0,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}
