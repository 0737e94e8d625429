import {
  resolvePasswordPolicy,
  type PasswordPolicyOptionsInput,
} from "../options"
import {
  PasswordErrorCodes,
  reusedPasswordError,
  validatePassword,
  type PasswordContext,
  type PasswordValidationResult,
} from "../validator"

const STRONG = "correct horse battery staple 93!"

const CONTEXT: PasswordContext = {
  email: "kowalski.marek@example.com",
  first_name: "Marek",
  last_name: "Kowalski",
  store_name: "Acme Outdoor",
}

function validate(
  password: string,
  options: PasswordPolicyOptionsInput = {},
  context: PasswordContext = CONTEXT
): PasswordValidationResult {
  return validatePassword(password, context, resolvePasswordPolicy(options))
}

function codesOf(result: PasswordValidationResult): string[] {
  return result.errors.map((error) => error.code)
}

describe("validatePassword", () => {
  describe("with defaults", () => {
    it("accepts a strong passphrase", () => {
      const result = validate(STRONG)
      expect(result).toEqual({
        valid: true,
        score: 4,
        errors: [],
        suggestions: [],
      })
    })

    it("accepts a strong passphrase without any context", () => {
      expect(validate(STRONG, {}, {}).valid).toBe(true)
    })

    it("tolerates null context values", () => {
      const context = {
        email: null,
        first_name: null,
        last_name: null,
        store_name: null,
      }
      expect(validate(STRONG, {}, context).valid).toBe(true)
    })

    it("reports every failing rule, in a stable order", () => {
      const result = validate("password", { minLength: 10 })
      expect(result.valid).toBe(false)
      expect(codesOf(result)).toEqual(["too_short", "common", "too_weak"])
    })
  })

  describe("too_short", () => {
    it("rejects a password under minLength and states the limit", () => {
      expect(validate("Xk9#mQ2").errors).toContainEqual({
        code: PasswordErrorCodes.TOO_SHORT,
        message: "Password must be at least 8 characters long.",
      })
    })

    it("accepts exactly minLength characters", () => {
      expect(codesOf(validate("Xk9#mQ2$"))).not.toContain("too_short")
    })

    it("uses the singular for a one-character minimum", () => {
      expect(validate("", { minLength: 1 }).errors[0].message).toBe(
        "Password must be at least 1 character long."
      )
    })

    it("counts an emoji as one character, not two UTF-16 units", () => {
      const sevenLocks = "🔒".repeat(7)
      expect(sevenLocks.length).toBe(14)
      expect(codesOf(validate(sevenLocks))).toContain("too_short")
      expect(codesOf(validate("🔒".repeat(8)))).not.toContain("too_short")
    })

    it("counts a CJK character as one character, not three bytes", () => {
      const sevenCharacters = "密码安全很重要"
      expect(Buffer.byteLength(sevenCharacters)).toBe(21)
      expect(codesOf(validate(sevenCharacters))).toContain("too_short")
      expect(codesOf(validate(`${sevenCharacters}啊`))).not.toContain(
        "too_short"
      )
    })
  })

  describe("too_long", () => {
    it("rejects a password over maxLength and states the limit", () => {
      expect(validate(`${STRONG}${"x9Q!".repeat(25)}`).errors).toContainEqual({
        code: PasswordErrorCodes.TOO_LONG,
        message: "Password must be at most 128 characters long.",
      })
    })

    it("accepts exactly maxLength characters", () => {
      const password = `${STRONG}${"x9Q!".repeat(24)}`
      expect([...password]).toHaveLength(128)
      expect(codesOf(validate(password))).not.toContain("too_long")
    })

    it("counts code points, so 64 emoji fit a 64-character limit", () => {
      expect(
        codesOf(validate("🔒🔑".repeat(32), { maxLength: 64 }))
      ).not.toContain("too_long")
      expect(
        codesOf(validate(`${"🔒🔑".repeat(32)}🔒`, { maxLength: 64 }))
      ).toContain("too_long")
    })

    it("skips the strength estimate beyond 256 characters; too_long already refuses it", () => {
      const result = validate("ab".repeat(150), { maxLength: 256 })
      expect(codesOf(result)).toEqual(["too_long"])
      expect(result.score).toBe(0)
      expect(result.warning).toBeUndefined()
    })
  })

  describe("common", () => {
    it("rejects Password123! because password is common", () => {
      expect(validate("Password123!").errors).toContainEqual({
        code: PasswordErrorCodes.COMMON,
        message:
          "This password is too common. Choose one that is harder to guess.",
      })
    })

    it("leaves uncommon passwords alone", () => {
      expect(codesOf(validate("Xk9#mQ2$vL7!"))).not.toContain("common")
    })

    it("can be turned off", () => {
      const result = validate("Password123!", { denyCommonPasswords: false })
      expect(codesOf(result)).not.toContain("common")
    })
  })

  describe("contains_personal_info", () => {
    it("rejects the last name and says which fields matched", () => {
      expect(validate("kowalski rocks 2024!").errors).toContainEqual({
        code: PasswordErrorCodes.CONTAINS_PERSONAL_INFO,
        message:
          "Password must not contain your e-mail address or your last name.",
      })
    })

    it("ignores case", () => {
      expect(codesOf(validate("Gallant MAREK tide 9!"))).toContain(
        "contains_personal_info"
      )
    })

    it("rejects a part of the e-mail local part", () => {
      const context = { email: "zebra_crossing+shop@example.com" }
      for (const password of [
        "crossing guard 77!",
        "Zebra flamingo 31?",
        "my shop hat is 4!",
      ]) {
        expect(codesOf(validate(password, {}, context))).toContain(
          "contains_personal_info"
        )
      }
    })

    it("rejects the whole local part even when its parts are too short to count", () => {
      const context = { email: "ab.cd@example.com" }
      expect(codesOf(validate("tulip ab.cd orbit 42", {}, context))).toContain(
        "contains_personal_info"
      )
      expect(
        codesOf(validate("tulip ab cd orbit 42", {}, context))
      ).not.toContain("contains_personal_info")
    })

    it("does not look at the e-mail domain", () => {
      const context = { email: "bo@fastmail.com" }
      expect(
        codesOf(validate("fastmail tulip orbit 42", {}, context))
      ).not.toContain("contains_personal_info")
    })

    it("rejects the store name and each of its words", () => {
      expect(validate("acmeoutdoor tulip 42").errors).toContainEqual({
        code: PasswordErrorCodes.CONTAINS_PERSONAL_INFO,
        message: "Password must not contain the store name.",
      })
      expect(codesOf(validate("tulip OUTDOOR orbit 42"))).toContain(
        "contains_personal_info"
      )
    })

    it("ignores words shorter than four characters", () => {
      const context = {
        email: "al@example.com",
        first_name: "Al",
        last_name: "Li",
        store_name: "Go",
      }
      expect(
        codesOf(validate("Albatross Liberty Gone 9!", {}, context))
      ).not.toContain("contains_personal_info")
    })

    it("can be turned off", () => {
      expect(
        codesOf(validate("kowalski rocks 2024!", { contextWords: false }))
      ).not.toContain("contains_personal_info")
    })
  })

  describe("too_weak", () => {
    it("rejects a score under minScore and states both", () => {
      const result = validate("aaaaaaaaaaaa")
      expect(result.score).toBe(0)
      expect(result.errors).toContainEqual({
        code: PasswordErrorCodes.TOO_WEAK,
        message:
          "Password is too easy to guess (strength 0 of 4; at least 2 is required).",
      })
    })

    it("accepts a score equal to minScore", () => {
      const result = validate("aaaaaaaaaaaa", { minScore: 0 })
      expect(codesOf(result)).toEqual([])
    })

    it("passes zxcvbn's English feedback through", () => {
      const result = validate("aaaaaaaaaaaa")
      expect(result.warning).toMatch(/^Repeated characters/)
      expect(result.suggestions.length).toBeGreaterThan(0)
    })

    it("catches word sequences such as onetwothreefourfive", () => {
      expect(codesOf(validate("onetwothreefourfive"))).toEqual(["too_weak"])
    })

    it("sees through l33t substitutions", () => {
      // Read literally, zxcvbn scores this 4; as "butterfly" it scores 1.
      expect(codesOf(validate("Butt3rfly#1"))).toEqual(["too_weak"])
    })

    it("scores only the first 24 characters, so a weak prefix makes the password weak", () => {
      // Scored in full, zxcvbn gives this 4 for its random tail.
      const result = validate("aaaaaaaaaaaaaaaaaaaaaaaaXk9#mQ2$vL7!pR4@")
      expect(result.score).toBe(0)
      expect(codesOf(result)).toEqual(["too_weak"])
    })

    it("treats the user's own data as easy to guess", () => {
      const context = { email: "quintessa.vandermolen@example.com" }
      const password = "QuintessaVandermolen"
      expect(
        validate(password, { contextWords: false }, {}).score
      ).toBeGreaterThanOrEqual(2)
      expect(
        codesOf(validate(password, { contextWords: false }, context))
      ).toContain("too_weak")
    })
  })

  describe("character_set", () => {
    const options = { characterSetPattern: "(?=.*\\d)(?=.*[A-Z])" }

    it("rejects a password that does not match and quotes the pattern", () => {
      expect(validate(STRONG, options).errors).toContainEqual({
        code: PasswordErrorCodes.CHARACTER_SET,
        message:
          "Password must match the required character pattern: (?=.*\\d)(?=.*[A-Z])",
      })
    })

    it("accepts a password that matches", () => {
      expect(validate("Correct horse battery staple 93!", options).valid).toBe(
        true
      )
    })

    it("is off by default", () => {
      expect(codesOf(validate("correct horse battery staple!"))).not.toContain(
        "character_set"
      )
    })
  })

  describe("sequence", () => {
    it("rejects more identical characters in a row than sequenceLimit", () => {
      expect(
        validate("correct horse battery staaaple 93!", { sequenceLimit: 2 })
          .errors
      ).toContainEqual({
        code: PasswordErrorCodes.SEQUENCE,
        message:
          "Password must not repeat the same character more than 2 times in a row.",
      })
    })

    it("accepts runs up to the limit", () => {
      expect(
        validate("correct horse battery staaple 93!", { sequenceLimit: 2 })
          .valid
      ).toBe(true)
    })

    it("counts an emoji as one character", () => {
      const password = `${STRONG}🔒🔒`
      expect(codesOf(validate(password, { sequenceLimit: 2 }))).not.toContain(
        "sequence"
      )
      expect(
        codesOf(validate(`${password}🔒`, { sequenceLimit: 2 }))
      ).toContain("sequence")
    })

    it("is off by default", () => {
      expect(
        codesOf(validate("correct horse battery staaaaaple 93!"))
      ).not.toContain("sequence")
    })
  })

  describe("deny_list", () => {
    const options = { denyList: ["Acme-Summer-Sale-2024"] }

    it("rejects an entry regardless of case", () => {
      expect(validate("acme-SUMMER-sale-2024", options).errors).toContainEqual({
        code: PasswordErrorCodes.DENY_LIST,
        message: "This password is not allowed. Choose a different one.",
      })
    })

    it("only rejects exact matches", () => {
      expect(
        codesOf(validate("Acme-Summer-Sale-2024-tulip", options))
      ).not.toContain("deny_list")
    })
  })

  describe("allowList", () => {
    it("bypasses every rule for an exact match", () => {
      const result = validate("abc", { allowList: ["abc"], denyList: ["abc"] })
      expect(result.valid).toBe(true)
      expect(result.errors).toEqual([])
    })

    it("is case-sensitive", () => {
      expect(validate("ABC", { allowList: ["abc"] }).valid).toBe(false)
    })
  })

  describe("nist-single-factor preset", () => {
    it("refuses a 12-character password the default preset accepts", () => {
      const password = "Xk9#mQ2$vL7!"
      expect(validate(password).valid).toBe(true)
      expect(
        validate(password, { preset: "nist-single-factor" }).errors
      ).toContainEqual({
        code: PasswordErrorCodes.TOO_SHORT,
        message: "Password must be at least 15 characters long.",
      })
    })
  })
})

describe("reusedPasswordError", () => {
  it("states how many previous passwords are remembered", () => {
    expect(reusedPasswordError(5)).toEqual({
      code: "reused",
      message: "Password must differ from your last 5 passwords.",
    })
    expect(reusedPasswordError(1).message).toBe(
      "Password must differ from your previous password."
    )
  })
})

describe("PasswordErrorCodes", () => {
  it("keeps its wire values stable", () => {
    expect(Object.values(PasswordErrorCodes).sort()).toEqual([
      "breach_check_unavailable",
      "breached",
      "character_set",
      "common",
      "contains_personal_info",
      "deny_list",
      "reused",
      "sequence",
      "too_long",
      "too_short",
      "too_weak",
    ])
  })
})
