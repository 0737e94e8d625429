import { describe, expect, it } from "@jest/globals"

import de from "../../../i18n/json/de.json"
import en from "../../../i18n/json/en.json"
import { USER_AGENT_MAX_LENGTH } from "../../../lib/user-agent"
import { describeSessionDevice } from "../session-device"

const MAC_SAFARI =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15"
const MAC_CHROME =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
const WINDOWS_EDGE =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86"
const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
const IPAD_CHROME =
  "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1"
const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"
const LINUX_FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0"

describe("describeSessionDevice", () => {
  it.each([
    [MAC_CHROME, "Chrome", "macOS"],
    [MAC_SAFARI, "Safari", "macOS"],
    [WINDOWS_EDGE, "Edge", "Windows"],
    [IPHONE_SAFARI, "Safari", "iOS"],
    [IPAD_CHROME, "Chrome", "iPadOS"],
    [ANDROID_CHROME, "Chrome", "Android"],
    [LINUX_FIREFOX, "Firefox", "Linux"],
  ])("names %s as %s on %s, without versions", (agent, browser, system) => {
    expect(describeSessionDevice(agent)).toEqual({
      key: "customerAccounts.sessions.device.browserOnSystem",
      values: { browser, system },
    })
  })

  it("names a browser alone when the agent names no system", () => {
    expect(describeSessionDevice("Mozilla/5.0 Firefox/131.0")).toEqual({ name: "Firefox" })
  })

  it.each([
    ["python-requests/2.32.3", "python-requests"],
    ["curl/8.5.0", "curl"],
    ["PostmanRuntime/7.42.0", "PostmanRuntime"],
  ])("names a tool %s by its own name", (agent, name) => {
    expect(describeSessionDevice(agent)).toEqual({ name })
  })

  it("names the system of a browser it does not know", () => {
    expect(describeSessionDevice("Mozilla/5.0 (X11; Linux x86_64) SomeBrowser")).toEqual({
      name: "Linux",
    })
  })

  it("cuts an agent it cannot read to the maximum length", () => {
    const label = describeSessionDevice(`SomeCrawler (+https://example.com/${"x".repeat(80)})`)
    expect("name" in label && label.name.length).toBe(USER_AGENT_MAX_LENGTH)
    expect("name" in label && label.name.endsWith("…")).toBe(true)
  })

  it.each([null, undefined, "", "   "])("calls a session without a user agent (%p) an unknown device", (agent) => {
    expect(describeSessionDevice(agent)).toEqual({
      key: "customerAccounts.sessions.device.unknown",
      values: {},
    })
  })

  it.each([
    ["en", en],
    ["de", de],
  ])("has both device texts in %s, with the placeholders it fills", (_language, translations) => {
    const device = translations.customerAccounts.sessions.device
    expect(device.browserOnSystem).toMatch(/\{\{browser\}\}.*\{\{system\}\}/)
    expect(typeof device.unknown).toBe("string")
  })
})
