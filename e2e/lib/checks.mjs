// @ts-check
// The e2e report: one line per check and a final count, like `npm test`.

/** @typedef {{ name: string, ok: boolean, reason?: string, ms: number }} CheckResult */

export class AssertionError extends Error {}

/**
 * Throws when `condition` is false. Every check calls it at least once, so a
 * check cannot pass without having looked at something.
 * @param {unknown} condition
 * @param {string} message
 * @returns {asserts condition}
 */
export function expect(condition, message) {
  if (!condition) throw new AssertionError(message)
}

/**
 * Polls `read` until `accept` takes its value, for state that settles
 * asynchronously (a background run, an event subscriber). Bounded.
 * @template T
 * @param {() => Promise<T>} read
 * @param {(value: T) => boolean} accept
 * @param {{ timeoutMs?: number, intervalMs?: number, what: string }} options
 * @returns {Promise<T>}
 */
export async function eventually(read, accept, { timeoutMs = 20_000, intervalMs = 300, what }) {
  const deadline = Date.now() + timeoutMs
  let last
  for (;;) {
    last = await read()
    if (accept(last)) return last
    if (Date.now() > deadline) {
      throw new AssertionError(`${what} (still ${JSON.stringify(last)?.slice(0, 400)} after ${timeoutMs} ms)`)
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

/**
 * One line for the report. Playwright's timeouts say what they waited for on
 * a later "waiting for" line of their call log: keep that one too.
 * @param {unknown} error
 */
export function describeError(error) {
  if (!(error instanceof Error)) return String(error)
  // Playwright colours its call log with ANSI codes.
  // eslint-disable-next-line no-control-regex
  const lines = error.message.replace(/\u001b\[[0-9;]*m/g, "").split("\n").map((line) => line.trim()).filter(Boolean)
  const waitingFor = lines.find((line) => line.startsWith("- waiting for"))
  return [lines[0], waitingFor?.slice(2)].filter(Boolean).join(" ")
}

/** Runs checks in order and prints `  ✓ name` / `  ✕ name: reason`. */
export class CheckRunner {
  /** @type {CheckResult[]} */
  results = []
  /** Set when a check others depend on failed; later checks then fail fast. */
  /** @type {string | null} */
  blockedBy = null
  /** Set when the run is interrupted: what fails afterwards is the stop, not a finding. */
  stopped = false

  /** Interrupted (SIGINT): later checks are skipped, a check running now is not reported. */
  stop() {
    this.stopped = true
  }

  /**
   * @param {string} name
   * @param {() => Promise<void>} fn
   * @param {{ critical?: boolean }} [options] a failing critical check fails every later one
   * @returns {Promise<boolean>}
   */
  async check(name, fn, { critical = false } = {}) {
    if (this.stopped) return false
    const started = Date.now()
    let reason
    if (this.blockedBy) {
      reason = `not run: "${this.blockedBy}" failed`
    } else {
      try {
        await fn()
      } catch (error) {
        reason = describeError(error)
        if (critical) this.blockedBy = name
      }
    }
    if (this.stopped) return false
    const ok = reason === undefined
    this.results.push({ name, ok, reason, ms: Date.now() - started })
    console.log(ok ? `  ✓ ${name}` : `  ✕ ${name}: ${reason}`)
    return ok
  }

  get passed() {
    return this.results.filter((result) => result.ok).length
  }

  get failed() {
    return this.results.length - this.passed
  }
}
