import {
  USER_AGENT_MAX_LENGTH,
  readUserAgent,
  truncate,
} from "../../lib/user-agent"

/**
 * How the sessions list names a device: "Chrome on macOS" (translated
 * "on"), or a name as is (a browser or system alone, a tool such as
 * "curl"), or "Unknown device" when the session recorded no user agent.
 */
export type SessionDeviceLabel =
  | {
      key: "customerAccounts.sessions.device.browserOnSystem"
      values: { browser: string; system: string }
    }
  | { key: "customerAccounts.sessions.device.unknown"; values: Record<string, never> }
  | { name: string }

/**
 * A short, readable name for the device a session runs on, without versions
 * (a session outlives browser updates): "Chrome on macOS", "Safari on iOS",
 * "Firefox", "python-requests"; an agent it cannot read is cut to
 * `USER_AGENT_MAX_LENGTH` characters. The full user agent goes in a tooltip.
 */
export const describeSessionDevice = (
  userAgent: string | null | undefined
): SessionDeviceLabel => {
  const { agent, browser, system, product } = readUserAgent(userAgent ?? "")

  if (!agent) {
    return { key: "customerAccounts.sessions.device.unknown", values: {} }
  }
  if (browser && system) {
    return {
      key: "customerAccounts.sessions.device.browserOnSystem",
      values: { browser: browser.name, system },
    }
  }
  if (browser) {
    return { name: browser.name }
  }
  if (product) {
    return { name: truncate(product.name, USER_AGENT_MAX_LENGTH) }
  }
  if (system && agent.startsWith("Mozilla/")) {
    return { name: system }
  }
  return { name: truncate(agent, USER_AGENT_MAX_LENGTH) }
}
