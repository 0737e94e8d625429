/**
 * What the admin reads out of a user agent: the browser, the operating
 * system, or the client's own name (HTTP libraries, tools). One reader for
 * the activity timeline and the sessions list; the full string always goes
 * in a tooltip, as no reading of it is certain.
 */

/** Longest user agent shown as is when it names no browser we know. */
export const USER_AGENT_MAX_LENGTH = 40

/** Browsers by the token that names them, most specific first (Edge also says Chrome and Safari). */
const BROWSERS: { name: string; pattern: RegExp }[] = [
  { name: "Edge", pattern: /\bEdg(?:e|A|iOS)?\/(\d+)/ },
  { name: "Opera", pattern: /\b(?:OPR|Opera)\/(\d+)/ },
  { name: "Samsung Internet", pattern: /\bSamsungBrowser\/(\d+)/ },
  { name: "Firefox", pattern: /\b(?:Firefox|FxiOS)\/(\d+)/ },
  { name: "Chrome", pattern: /\b(?:Chrome|CriOS)\/(\d+)/ },
  // Safari's own version is in `Version/`; its `Safari/` token is WebKit's.
  { name: "Safari", pattern: /\bVersion\/(\d+(?:\.\d+)?).*\bSafari\// },
]

/** Operating systems, most specific first (iOS says "like Mac OS X", Android says Linux). */
const SYSTEMS: { name: string; pattern: RegExp }[] = [
  { name: "iOS", pattern: /\b(?:iPhone|iPod)\b/ },
  { name: "iPadOS", pattern: /\biPad\b/ },
  { name: "Android", pattern: /\bAndroid\b/ },
  { name: "Windows", pattern: /\bWindows\b/ },
  { name: "ChromeOS", pattern: /\bCrOS\b/ },
  { name: "macOS", pattern: /\b(?:Macintosh|Mac OS X)\b/ },
  { name: "Linux", pattern: /\bLinux\b/ },
]

/** A client's own `name/version` at the start, as HTTP libraries and tools send. */
const LEADING_PRODUCT = /^([A-Za-z][\w.-]*)\/(v?\d[\w.-]*)/

/** A name and its version, as a user agent gives them. */
export type UserAgentProduct = { name: string; version: string }

/** What a user agent says about its client; `agent` is the string with its spaces tidied. */
export type UserAgentReading = {
  agent: string
  browser: UserAgentProduct | null
  system: string | null
  /** A non-browser client's own `name/version` (never "Mozilla"). */
  product: UserAgentProduct | null
}

/** Reads a user agent: the first browser and system it names, else the client's own name. */
export const readUserAgent = (userAgent: string): UserAgentReading => {
  const agent = userAgent.trim().replace(/\s+/g, " ")
  const system = SYSTEMS.find(({ pattern }) => pattern.test(agent))?.name ?? null

  for (const { name, pattern } of BROWSERS) {
    const version = pattern.exec(agent)?.[1]
    if (version) {
      return { agent, browser: { name, version }, system, product: null }
    }
  }

  const leading = LEADING_PRODUCT.exec(agent)
  const product =
    leading && leading[1] !== "Mozilla"
      ? { name: leading[1], version: leading[2] }
      : null
  return { agent, browser: null, system, product }
}

export const truncate = (value: string, max: number) =>
  value.length > max ? `${value.slice(0, max - 1).trimEnd()}…` : value

/**
 * A user agent in a few words: "Safari 17.5 (macOS)", "Chrome 131
 * (Windows)", "python-requests 2.32.3"; anything else cut to
 * `USER_AGENT_MAX_LENGTH` characters. The full string belongs in a tooltip.
 */
export const shortenUserAgent = (userAgent: string): string => {
  const { agent, browser, system, product } = readUserAgent(userAgent)
  if (!agent) {
    return ""
  }
  if (browser) {
    const name = `${browser.name} ${browser.version}`
    return system ? `${name} (${system})` : name
  }
  if (product) {
    return truncate(`${product.name} ${product.version}`, USER_AGENT_MAX_LENGTH)
  }
  if (system && agent.startsWith("Mozilla/")) {
    return system
  }
  return truncate(agent, USER_AGENT_MAX_LENGTH)
}
