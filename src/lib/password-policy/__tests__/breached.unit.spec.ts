import { setProjectClock } from "../../clock"
import {
  BreachedPasswordScreen,
  compactRange,
  MEMORY_CACHE_MAX_PREFIXES,
  occurrencesIn,
  passwordDigest,
  type SharedRangeCache,
} from "../breached"
import { BREACHED_PASSWORDS_DEFAULTS, type BreachedPasswordsOptions } from "../options"
import { startFakeRangeServer, type FakeRangeServer } from "../../../../integration-tests/fake-range-server"

const BREACHED = "Tr0ub4dor&3"
const UNKNOWN = "a password no breach has ever seen 42"

describe("passwordDigest", () => {
  it("splits the upper-case SHA-1 of the NFKC form into a 5-character prefix and the rest", () => {
    // SHA-1("password") = 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8
    expect(passwordDigest("password")).toEqual({ prefix: "5BAA6", suffix: "1E4C9B93F3F0682250B6CF8331B7EE68FD8" })
    // Fullwidth letters are hashed as what the account would store.
    expect(passwordDigest("ｐａｓｓｗｏｒｄ")).toEqual(passwordDigest("password"))
  })
})

describe("compactRange / occurrencesIn", () => {
  const a = "0018A45C4D1DEF81644B54AB7F969B88D65"
  const b = "00D4F6E8FA6EECAD2A3AA415EEC418D38EC"
  const padded = "011053FD0102E94D6AE2F8B83D76FAF94F6"

  it("keeps counted entries and drops the padding (count 0) and junk", () => {
    const range = compactRange(`${a}:3\r\n${padded}:0\r\n${b.toLowerCase()}:12\r\nnot a line\r\n`)
    expect(range.split("\n")).toEqual([`${a}:3`, `${b}:12`])
    expect(occurrencesIn(range, a)).toBe(3)
    expect(occurrencesIn(range, b)).toBe(12)
    expect(occurrencesIn(range, padded)).toBe(0)
  })

  it("matches whole suffixes only", () => {
    const range = compactRange(`${a}:3`)
    expect(occurrencesIn(range, a.slice(1))).toBe(0)
  })
})

describe("BreachedPasswordScreen (against a range server on localhost)", () => {
  let server: FakeRangeServer
  const warnings: string[] = []

  const screen = (options: Partial<BreachedPasswordsOptions> = {}) =>
    new BreachedPasswordScreen(
      { ...BREACHED_PASSWORDS_DEFAULTS, rangeUrl: server.url, timeoutMs: 300, ...options },
      { warn: (message) => warnings.push(message) }
    )

  beforeEach(async () => {
    server = await startFakeRangeServer()
    server.add(BREACHED, 7)
    warnings.length = 0
  })

  afterEach(async () => {
    setProjectClock(null)
    await server.close()
  })

  it("finds a breached password and passes an unknown one", async () => {
    const subject = screen()
    await expect(subject.check(BREACHED)).resolves.toEqual({ status: "breached", occurrences: 7 })
    await expect(subject.check(UNKNOWN)).resolves.toEqual({ status: "clean" })
  })

  it("sends only the 5-character prefix, and asks for padding", async () => {
    await screen().check(BREACHED)
    const { prefix, suffix } = passwordDigest(BREACHED)
    expect(server.requests).toEqual([{ path: prefix, padding: "true" }])
    expect(JSON.stringify(server.requests)).not.toContain(suffix.slice(0, 8))
    expect(JSON.stringify(server.requests)).not.toContain(BREACHED)
  })

  it("refuses only from minOccurrences on", async () => {
    await expect(screen({ minOccurrences: 8 }).check(BREACHED)).resolves.toEqual({ status: "clean" })
    await expect(screen({ minOccurrences: 7 }).check(BREACHED)).resolves.toEqual({ status: "breached", occurrences: 7 })
  })

  it("reports a hanging service as unavailable once the timeout passes, without throwing", async () => {
    server.mode = "hang"
    const verdict = screen({ timeoutMs: 200 }).check(BREACHED)
    const late = new Promise((resolve) => setTimeout(() => resolve("still waiting"), 5000))
    const first = await Promise.race([verdict, late])
    expect(first).toEqual({ status: "unavailable", reason: expect.stringMatching(/timeout|abort/i) })
  })

  it("reports a 503 as unavailable and warns once per interval, never naming the password", async () => {
    server.mode = "unavailable"
    const subject = screen()
    await expect(subject.check(BREACHED)).resolves.toEqual({ status: "unavailable", reason: "range service answered HTTP 503" })
    await expect(subject.check(UNKNOWN)).resolves.toMatchObject({ status: "unavailable" })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain("accepted without this check")
    expect(warnings[0]).not.toContain(BREACHED)
    expect(warnings[0]).not.toContain(passwordDigest(BREACHED).prefix)
  })

  it("reports a service that is not there as unavailable", async () => {
    await server.close()
    await expect(screen().check(BREACHED)).resolves.toMatchObject({ status: "unavailable", reason: expect.stringContaining("ECONNREFUSED") })
    server = await startFakeRangeServer()
  })

  it("does not cache a failure: the next check asks again", async () => {
    const subject = screen()
    server.mode = "unavailable"
    await subject.check(BREACHED)
    server.mode = "ok"
    await expect(subject.check(BREACHED)).resolves.toMatchObject({ status: "breached" })
    expect(server.requests).toHaveLength(2)
  })

  it("serves a second check of the prefix from memory until cacheSeconds pass", async () => {
    let now = Date.parse("2026-12-07T10:00:00Z")
    setProjectClock({ now: () => new Date(now) })
    const subject = screen({ cacheSeconds: 60 })
    await subject.check(BREACHED)
    await expect(subject.check(BREACHED)).resolves.toMatchObject({ status: "breached" })
    expect(server.requests).toHaveLength(1)
    now += 61_000
    await subject.check(BREACHED)
    expect(server.requests).toHaveLength(2)
  })

  it("does not cache with cacheSeconds 0", async () => {
    const subject = screen({ cacheSeconds: 0 })
    await subject.check(BREACHED)
    await subject.check(BREACHED)
    expect(server.requests).toHaveLength(2)
  })

  it("shares one request between concurrent checks of a prefix", async () => {
    const subject = screen()
    await Promise.all([subject.check(BREACHED), subject.check(BREACHED), subject.check(BREACHED)])
    expect(server.requests).toHaveLength(1)
  })

  it("keeps at most MEMORY_CACHE_MAX_PREFIXES answers, dropping the least recently used", async () => {
    const subject = screen()
    await subject.check(BREACHED)
    const prefixes = new Set([passwordDigest(BREACHED).prefix])
    for (let index = 0; prefixes.size <= MEMORY_CACHE_MAX_PREFIXES; index++) {
      const password = `filler password ${index}`
      if (!prefixes.has(passwordDigest(password).prefix)) {
        prefixes.add(passwordDigest(password).prefix)
        await subject.check(password)
      }
    }
    const asked = server.requests.length
    await subject.check(BREACHED)
    expect(server.requests).toHaveLength(asked + 1)
  })

  it("reads and fills a shared cache, so a second instance asks no one", async () => {
    const store = new Map<string, string>()
    const shared: SharedRangeCache = {
      get: async (key) => store.get(key) ?? null,
      set: async (key, body) => void store.set(key, body),
    }
    await screen().check(BREACHED, shared)
    expect([...store.keys()]).toEqual([expect.stringMatching(new RegExp(`^cam:pwned-range:[0-9a-f]{12}:${passwordDigest(BREACHED).prefix}$`))])
    expect([...store.values()][0]).not.toContain(":0")
    const otherInstance = screen()
    await expect(otherInstance.check(BREACHED, shared)).resolves.toEqual({ status: "breached", occurrences: 7 })
    expect(server.requests).toHaveLength(1)
  })

  it("still answers when the shared cache fails", async () => {
    const broken: SharedRangeCache = {
      get: async () => {
        throw new Error("redis down")
      },
      set: async () => {
        throw new Error("redis down")
      },
    }
    await expect(screen().check(BREACHED, broken)).resolves.toMatchObject({ status: "breached" })
  })
})
