import { createHash } from "node:crypto"
import { projectClock } from "../clock"
import { normalizePassword } from "./normalize"
import type { BreachedPasswordsOptions } from "./options"

/**
 * Screening against passwords known from data breaches, through a Pwned
 * Passwords range API (k-anonymity): the password's SHA-1 is computed here,
 * only its first 5 hex characters are sent, and the service answers every
 * suffix it knows under that prefix with a count. The password, its hash and
 * the suffix never leave the server. `Add-Padding: true` asks the service to
 * pad every answer with zero-count entries to a similar size, so an observer
 * of the (encrypted) answer cannot tell the prefix from its length.
 *
 * A small module of our own rather than a client package: it is one GET with
 * a timeout, a body cap and a parser; the plugin needs a configurable URL (a
 * self-hosted mirror), the padding header, a hard deadline, caching shared
 * across instances and a verdict that says "unavailable" instead of
 * throwing, which the packages (e.g. `hibp`) leave to the caller. Pure Node
 * (no Medusa): the account-security module's password rules own one instance.
 */

export type BreachVerdict =
  | { status: "clean" }
  | { status: "breached"; occurrences: number }
  /** The service did not answer in time or answered with an error. `reason` is for the log. */
  | { status: "unavailable"; reason: string }

/**
 * A cache shared by every server instance (Medusa's caching module, see
 * range-cache.ts). Range answers are public data: the cache holds what the
 * service says about a prefix, never anything derived from one password.
 */
export interface SharedRangeCache {
  get(key: string): Promise<string | null>
  set(key: string, body: string, ttlSeconds: number): Promise<void>
}

/** Range answers kept in process memory (about 30 KB each for the public service). */
export const MEMORY_CACHE_MAX_PREFIXES = 256
/** A mirror that answers more than this is broken; the answer is dropped. */
export const RANGE_BODY_MAX_BYTES = 4 * 1024 * 1024
/** At most one "unavailable" warning per this many milliseconds, so an outage does not flood the log. */
export const UNAVAILABLE_WARNING_INTERVAL_MS = 60_000

export interface PasswordDigest {
  /** The 5 hex characters that are sent. */
  prefix: string
  /** The 35 that are looked up in the answer, here. */
  suffix: string
}

/** The SHA-1 of the password as it will be stored (NFKC), upper-case hex, split for the range API. */
export function passwordDigest(password: string): PasswordDigest {
  const hex = createHash("sha1").update(normalizePassword(password), "utf8").digest("hex").toUpperCase()
  return { prefix: hex.slice(0, 5), suffix: hex.slice(5) }
}

/**
 * The lines of a range answer that count (padding entries have count 0),
 * upper-cased: what is cached.
 */
export function compactRange(body: string): string {
  const kept: string[] = []
  for (const line of body.split(/\r?\n/)) {
    const [suffix, count] = line.trim().split(":")
    if (suffix && /^[0-9A-Fa-f]{35}$/.test(suffix) && Number(count) > 0) {
      kept.push(`${suffix.toUpperCase()}:${Number(count)}`)
    }
  }
  return kept.join("\n")
}

/** How often `suffix` appears in a compacted range answer (0 when absent). */
export function occurrencesIn(range: string, suffix: string): number {
  const at = range.indexOf(`${suffix}:`)
  if (at === -1 || (at > 0 && range[at - 1] !== "\n")) {
    return 0
  }
  const end = range.indexOf("\n", at)
  return Number(range.slice(at + suffix.length + 1, end === -1 ? undefined : end)) || 0
}

async function readCapped(response: Response, signal: AbortSignal): Promise<string> {
  if (!response.body) {
    return ""
  }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    if (signal.aborted) {
      throw signal.reason
    }
    const { done, value } = await reader.read()
    if (done) {
      break
    }
    size += value.byteLength
    if (size > RANGE_BODY_MAX_BYTES) {
      await reader.cancel()
      throw new Error(`range answer larger than ${RANGE_BODY_MAX_BYTES} bytes`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString("utf8")
}

/** An error's message and, for network failures, its code (ECONNREFUSED...). Errors may come from another realm. */
function describeFailure(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { code?: unknown } }
  if (typeof message !== "string") {
    return String(error)
  }
  return typeof cause?.code === "string" ? `${message}: ${cause.code}` : message
}

export interface BreachedPasswordScreenDeps {
  /** Called at most once a minute while the service is unavailable. Never given the password. */
  warn?: (message: string) => void
  /** The HTTP client (tests may count calls); Node's fetch by default. */
  fetch?: typeof fetch
}

/**
 * One screen per options set. Range answers are cached per prefix, in
 * memory (LRU, {@link MEMORY_CACHE_MAX_PREFIXES} entries, `cacheSeconds`)
 * and, when the caller passes one, in a cache shared across instances; two
 * checks of one prefix at once share one request.
 */
export class BreachedPasswordScreen {
  private readonly memory = new Map<string, { range: string; expiresAt: number }>()
  private readonly inFlight = new Map<string, Promise<string>>()
  private lastWarningAt = -Infinity
  private readonly fetchRange: typeof fetch

  constructor(
    readonly options: BreachedPasswordsOptions,
    private readonly deps: BreachedPasswordScreenDeps = {}
  ) {
    this.fetchRange = deps.fetch ?? ((input, init) => fetch(input, init))
  }

  /** Whether the password appears at least `minOccurrences` times. Never throws. */
  check(password: string, shared?: SharedRangeCache): Promise<BreachVerdict> {
    return this.checkDigest(passwordDigest(password), shared)
  }

  /** {@link check} for a digest computed earlier (work that runs after the password is gone). */
  async checkDigest({ prefix, suffix }: PasswordDigest, shared?: SharedRangeCache): Promise<BreachVerdict> {
    let range: string
    try {
      range = await this.range(prefix, shared)
    } catch (error) {
      const reason = describeFailure(error)
      this.warnUnavailable(reason)
      return { status: "unavailable", reason }
    }
    const occurrences = occurrencesIn(range, suffix)
    return occurrences >= this.options.minOccurrences ? { status: "breached", occurrences } : { status: "clean" }
  }

  /** Forgets every cached answer (tests; a mirror that was refreshed). */
  clearCache(): void {
    this.memory.clear()
  }

  private sharedKey(prefix: string): string {
    const source = createHash("sha256").update(this.options.rangeUrl).digest("hex").slice(0, 12)
    return `cam:pwned-range:${source}:${prefix}`
  }

  private async range(prefix: string, shared?: SharedRangeCache): Promise<string> {
    const now = projectClock.now().getTime()
    const cached = this.memory.get(prefix)
    if (cached && cached.expiresAt > now) {
      // Least recently used goes first: re-insert on every hit.
      this.memory.delete(prefix)
      this.memory.set(prefix, cached)
      return cached.range
    }
    const running = this.inFlight.get(prefix)
    if (running) {
      return running
    }
    const lookup = this.lookUp(prefix, shared).finally(() => this.inFlight.delete(prefix))
    this.inFlight.set(prefix, lookup)
    return lookup
  }

  private async lookUp(prefix: string, shared?: SharedRangeCache): Promise<string> {
    const { cacheSeconds } = this.options
    const key = this.sharedKey(prefix)
    const fromShared = cacheSeconds && shared ? await shared.get(key).catch(() => null) : null
    const range = fromShared ?? compactRange(await this.request(prefix))
    if (cacheSeconds) {
      this.remember(prefix, range)
      if (shared && fromShared === null) {
        await shared.set(key, range, cacheSeconds).catch(() => undefined)
      }
    }
    return range
  }

  private remember(prefix: string, range: string): void {
    this.memory.delete(prefix)
    this.memory.set(prefix, { range, expiresAt: projectClock.now().getTime() + this.options.cacheSeconds * 1000 })
    while (this.memory.size > MEMORY_CACHE_MAX_PREFIXES) {
      this.memory.delete(this.memory.keys().next().value as string)
    }
  }

  private async request(prefix: string): Promise<string> {
    const signal = AbortSignal.timeout(this.options.timeoutMs)
    const response = await this.fetchRange(`${this.options.rangeUrl.replace(/\/?$/, "/")}${prefix}`, {
      headers: { "Add-Padding": "true", "User-Agent": "medusa-customer-accounts" },
      signal,
      redirect: "error",
    })
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined)
      throw new Error(`range service answered HTTP ${response.status}`)
    }
    return readCapped(response, signal)
  }

  private warnUnavailable(reason: string): void {
    const now = Date.now()
    if (now - this.lastWarningAt < UNAVAILABLE_WARNING_INTERVAL_MS) {
      return
    }
    this.lastWarningAt = now
    const outcome = this.options.onUnavailable === "refuse" ? "refused" : "accepted without this check"
    this.deps.warn?.(
      `Breached-password screening is unavailable (${reason}); new passwords are ${outcome} until it answers (passwordPolicy.breachedPasswords.onUnavailable).`
    )
  }
}
