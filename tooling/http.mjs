// @ts-check
// One JSON request for the scripts that drive a running app (e2e, cluster).

/**
 * Sends `body` as JSON and parses a JSON answer (else keeps the text).
 * Any status resolves; only a network failure or timeout rejects.
 * @param {string} url
 * @param {{ method?: string, body?: unknown, headers?: Record<string, string>, timeoutMs?: number }} [options]
 * @returns {Promise<{ status: number, data: any, headers: Headers }>}
 */
export async function requestJson(url, { method = "GET", body, headers = {}, timeoutMs = 30_000 } = {}) {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  })
  const text = await response.text()
  let data = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    data = text
  }
  return { status: response.status, data, headers: response.headers }
}
