import { ZodError } from "zod"

import {
  describePasswordPolicy,
  passwordPolicyOptionsSchema,
  resolvePasswordPolicy,
  type PasswordPolicyOptionsInput,
} from "../options"

/** The paths and messages of the issues a rejected input produces. */
function issuesOf(input: unknown): { path: string; message: string }[] {
  const result = passwordPolicyOptionsSchema.safeParse(input)
  if (result.success) {
    throw new Error(`expected ${JSON.stringify(input)} to be rejected`)
  }
  return result.error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
  }))
}

describe("resolvePasswordPolicy", () => {
  it("fills every default when no options are given", () => {
    expect(resolvePasswordPolicy()).toEqual({
      preset: "default",
      minLength: 8,
      maxLength: 128,
      denyCommonPasswords: true,
      contextWords: true,
      minScore: 2,
      characterSetPattern: null,
      denyList: [],
      allowList: [],
      sequenceLimit: null,
      historySize: 0,
      breachedPasswords: {
        enabled: true,
        minOccurrences: 1,
        timeoutMs: 1500,
        onUnavailable: "allow",
        rangeUrl: "https://api.pwnedpasswords.com/range/",
        checkOnLogin: false,
        cacheSeconds: 86400,
      },
    })
  })

  it("keeps explicit values", () => {
    const input: PasswordPolicyOptionsInput = {
      minLength: 12,
      maxLength: 64,
      denyCommonPasswords: false,
      contextWords: false,
      minScore: 4,
      characterSetPattern: "(?=.*\\d)",
      denyList: ["Acme2024!"],
      allowList: ["legacy"],
      sequenceLimit: 3,
      historySize: 5,
      breachedPasswords: {
        enabled: false,
        minOccurrences: 10,
        timeoutMs: 500,
        onUnavailable: "refuse",
        rangeUrl: "http://mirror.internal:8080/range/",
        checkOnLogin: true,
        cacheSeconds: 0,
      },
    }
    expect(resolvePasswordPolicy(input)).toEqual({
      preset: "default",
      ...input,
    })
  })

  it("gives every parse its own lists, so mutating one policy cannot leak into another", () => {
    const first = resolvePasswordPolicy()
    first.denyList.push("leaked")
    expect(resolvePasswordPolicy().denyList).toEqual([])
  })

  describe("presets", () => {
    it("nist-single-factor raises the minimum length to 15", () => {
      expect(
        resolvePasswordPolicy({ preset: "nist-single-factor" }).minLength
      ).toBe(15)
    })

    it("nist-single-factor keeps an explicit minLength", () => {
      expect(
        resolvePasswordPolicy({ preset: "nist-single-factor", minLength: 12 })
          .minLength
      ).toBe(12)
    })

    it("checks maxLength against the minimum the preset sets", () => {
      expect(
        resolvePasswordPolicy({ preset: "nist-single-factor", maxLength: 64 })
          .maxLength
      ).toBe(64)
    })

    it("rejects an unknown preset", () => {
      expect(issuesOf({ preset: "strict" })).toEqual([
        expect.objectContaining({ path: "preset" }),
      ])
    })
  })

  describe("invalid options name the option path", () => {
    it.each([
      [{ minLength: 0 }, "minLength"],
      [{ minLength: 8.5 }, "minLength"],
      [{ minScore: 5 }, "minScore"],
      [{ minScore: -1 }, "minScore"],
      [{ sequenceLimit: 0 }, "sequenceLimit"],
      [{ historySize: 25 }, "historySize"],
      [{ historySize: -1 }, "historySize"],
      [{ denyList: ["ok", ""] }, "denyList.1"],
      [{ allowList: "legacy" }, "allowList"],
      [{ denyCommonPasswords: "yes" }, "denyCommonPasswords"],
      [{ breachedPasswords: { minOccurrences: 0 } }, "breachedPasswords.minOccurrences"],
      [{ breachedPasswords: { timeoutMs: 10 } }, "breachedPasswords.timeoutMs"],
      [{ breachedPasswords: { onUnavailable: "block" } }, "breachedPasswords.onUnavailable"],
      [{ breachedPasswords: { rangeUrl: "file:///etc/passwd" } }, "breachedPasswords.rangeUrl"],
      [{ breachedPasswords: { rangeUrl: "not a url" } }, "breachedPasswords.rangeUrl"],
      [{ breachedPasswords: { enable: true } }, "breachedPasswords"],
    ])("%j is rejected at %s", (input, path) => {
      expect(issuesOf(input).map((issue) => issue.path)).toEqual([path])
    })

    it("requires maxLength of at least 64, per NIST SP 800-63B", () => {
      expect(issuesOf({ maxLength: 63 })).toEqual([
        {
          path: "maxLength",
          message: "maxLength must be at least 64 (NIST SP 800-63B).",
        },
      ])
    })

    it("caps maxLength at 256", () => {
      expect(issuesOf({ maxLength: 257 })).toEqual([
        { path: "maxLength", message: "maxLength must be at most 256." },
      ])
    })

    it("requires maxLength to be at least minLength", () => {
      expect(issuesOf({ minLength: 100, maxLength: 64 })).toEqual([
        {
          path: "maxLength",
          message: "maxLength must be greater than or equal to minLength.",
        },
      ])
    })

    it("rejects a characterSetPattern that does not compile", () => {
      expect(issuesOf({ characterSetPattern: "([a-z" })).toEqual([
        {
          path: "characterSetPattern",
          message: "characterSetPattern must be a valid regular expression.",
        },
      ])
    })

    it("compiles characterSetPattern with the u flag, as the validator does", () => {
      // "\-" outside a class is fine without the u flag but a syntax error with it.
      expect(issuesOf({ characterSetPattern: "a\\-b" })).toEqual([
        expect.objectContaining({ path: "characterSetPattern" }),
      ])
    })

    it("refuses unknown keys, so a typo fails at boot", () => {
      expect(issuesOf({ minlength: 12 })).toEqual([
        expect.objectContaining({
          path: "",
          message: expect.stringContaining("minlength"),
        }),
      ])
    })

    it("throws a ZodError from resolvePasswordPolicy", () => {
      expect(() => resolvePasswordPolicy({ maxLength: 10 })).toThrow(ZodError)
    })
  })
})

describe("describePasswordPolicy", () => {
  it("summarises the policy in snake_case without the deny and allow lists", () => {
    const options = resolvePasswordPolicy({
      preset: "nist-single-factor",
      characterSetPattern: "(?=.*\\d)",
      denyList: ["secret-deny"],
      allowList: ["secret-allow"],
      sequenceLimit: 3,
      historySize: 4,
    })

    const summary = describePasswordPolicy(options)

    expect(summary).toEqual({
      min_length: 15,
      max_length: 128,
      min_score: 2,
      deny_common_passwords: true,
      context_words: true,
      character_set_pattern: "(?=.*\\d)",
      sequence_limit: 3,
      history_size: 4,
      breached_passwords: true,
    })
    expect(JSON.stringify(summary)).not.toContain("secret")
  })

  it("is JSON-safe: nulls survive a round trip", () => {
    const summary = describePasswordPolicy(resolvePasswordPolicy())
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary)
    expect(summary.character_set_pattern).toBeNull()
    expect(summary.sequence_limit).toBeNull()
  })
})
