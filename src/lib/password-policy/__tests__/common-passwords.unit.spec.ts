import {
  getCommonPasswords,
  isCommonPassword,
  stripTrailingNonLetters,
} from "../common-passwords"

describe("getCommonPasswords", () => {
  it("holds at least 10,000 entries", () => {
    expect(getCommonPasswords().size).toBeGreaterThanOrEqual(10_000)
  })

  it("is built once and shared", () => {
    expect(getCommonPasswords()).toBe(getCommonPasswords())
  })

  it("stores entries lowercased, so lookups can lowercase the password", () => {
    const entries = [...getCommonPasswords()]
    expect(entries.filter((entry) => entry !== entry.toLowerCase())).toEqual([])
  })
})

describe("isCommonPassword", () => {
  it.each(["password", "123456", "qwerty", "iloveyou", "dragon"])(
    "finds the leaked password %s",
    (password) => {
      expect(isCommonPassword(password)).toBe(true)
    }
  )

  it("ignores case", () => {
    expect(isCommonPassword("PassWord")).toBe(true)
  })

  it.each(["Password123!", "password2024", "Dragon!!", "sunshine 1"])(
    "sees through trailing digits and symbols: %s",
    (password) => {
      expect(isCommonPassword(password)).toBe(true)
    }
  )

  it("finds a common English word, not only leaked passwords", () => {
    // "somewhere" is in commonWords-en but not in the leaked-password list.
    expect(isCommonPassword("Somewhere99")).toBe(true)
  })

  it.each(["correct horse battery staple 93!", "Xk9#mQ2$vL7!", "93password"])(
    "does not flag %s",
    (password) => {
      expect(isCommonPassword(password)).toBe(false)
    }
  )

  it("ignores stems shorter than four characters", () => {
    // "b" and "cat" are words, but these are not common passwords.
    expect(isCommonPassword("b7#@!$%^&*1")).toBe(false)
    expect(isCommonPassword("cat#@!$%^&*19")).toBe(false)
  })
})

describe("stripTrailingNonLetters", () => {
  it.each([
    ["password123!", "password"],
    ["pass word 12 ", "pass word"],
    ["密码123", "密码"],
    ["12345", ""],
    ["already", "already"],
  ])("%j -> %j", (text, stem) => {
    expect(stripTrailingNonLetters(text)).toBe(stem)
  })

  it("keeps a letter outside the BMP intact", () => {
    expect(stripTrailingNonLetters("abc𝒜12")).toBe("abc𝒜")
  })

  it("handles a long run of non-letters", () => {
    const text = `a${"1".repeat(100_000)}`
    expect(stripTrailingNonLetters(text)).toBe("a")
  })
})
