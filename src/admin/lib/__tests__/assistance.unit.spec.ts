import { describe, expect, it } from "@jest/globals"

import {
  checkAssistanceReason,
  consentState,
  minutesUntil,
  personName,
} from "../assistance"

const NOW = new Date("2026-11-27T10:00:00.000Z")

describe("checkAssistanceReason", () => {
  it("asks for 3 to 500 characters, trimmed as the route trims", () => {
    expect(checkAssistanceReason("  ab  ")).toEqual({ isTooShort: true, isTooLong: false, isValid: false })
    expect(checkAssistanceReason("abc").isValid).toBe(true)
    expect(checkAssistanceReason(`  ${"x".repeat(500)}  `).isValid).toBe(true)
    expect(checkAssistanceReason("x".repeat(501))).toEqual({ isTooShort: false, isTooLong: true, isValid: false })
  })
})

describe("consentState", () => {
  const consent = { required: true, allowed: true, granted_at: "2026-11-27T09:00:00.000Z", expires_at: null }

  it("reads a shop that asks no consent as not required, which holds", () => {
    expect(consentState({ ...consent, required: false, allowed: false }, NOW)).toEqual({
      status: "not_required",
      holds: true,
    })
  })

  it("reads a consent until withdrawn, until a date, and none", () => {
    expect(consentState(consent, NOW)).toEqual({ status: "allowed", holds: true })
    expect(consentState({ ...consent, expires_at: "2026-11-27T12:00:00.000Z" }, NOW)).toEqual({
      status: "allowed_until",
      holds: true,
      until: "2026-11-27T12:00:00.000Z",
    })
    expect(consentState({ ...consent, allowed: false, granted_at: null }, NOW)).toEqual({
      status: "not_allowed",
      holds: false,
    })
  })

  it("does not trust an answer that a page left open has outlived", () => {
    expect(consentState({ ...consent, expires_at: "2026-11-27T09:59:59.000Z" }, NOW).holds).toBe(false)
  })
})

describe("personName", () => {
  it("names a person by name, else e-mail, else the fallback", () => {
    const person = { id: "user_1", email: "sam@example.com", first_name: "Sam", last_name: "Support" }
    expect(personName(person, "user_1")).toBe("Sam Support")
    expect(personName({ ...person, first_name: null, last_name: " " }, "user_1")).toBe("sam@example.com")
    expect(personName(null, "user_1")).toBe("user_1")
  })
})

describe("minutesUntil", () => {
  it("rounds the code's lifetime to whole minutes, at least one", () => {
    expect(minutesUntil("2026-11-27T10:02:00.000Z", NOW)).toBe(2)
    expect(minutesUntil("2026-11-27T10:01:58.500Z", NOW)).toBe(2)
    expect(minutesUntil("2026-11-27T10:00:10.000Z", NOW)).toBe(1)
    expect(minutesUntil("not a date", NOW)).toBe(1)
  })
})
