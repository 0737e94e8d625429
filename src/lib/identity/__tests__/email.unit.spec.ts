import { canonicalEmail, emailSyntaxError, isValidEmail } from "../email"

describe("canonicalEmail", () => {
  it("trims, lower-cases and composes (NFC)", () => {
    expect(canonicalEmail("  VICTIM@Example.COM \t")).toBe("victim@example.com")
    // "é" as e + combining acute accent, and as one code point.
    expect(canonicalEmail("Jose\u0301@example.com")).toBe("jos\u00e9@example.com")
    expect(canonicalEmail("jos\u00e9@example.com")).toBe(canonicalEmail("JOSE\u0301@EXAMPLE.COM"))
  })

  it("does not fold compatibility characters (NFC, not NFKC) nor provider rules", () => {
    expect(canonicalEmail("\uff56ictim@example.com")).not.toBe("victim@example.com")
    expect(canonicalEmail("vic.tim+shop@example.com")).toBe("vic.tim+shop@example.com")
  })

  it("is idempotent", () => {
    for (const value of [" A@B.C ", "Jose\u0301@X.org", "\u0130@x.com"]) {
      expect(canonicalEmail(canonicalEmail(value))).toBe(canonicalEmail(value))
    }
  })
})

describe("emailSyntaxError", () => {
  it.each(["victim@example.com", " Victim@Example.com ", "a.b+c@sub.example.co.uk", "jos\u00e9@b\u00fccher.de"])(
    "accepts %j",
    (value) => {
      expect(emailSyntaxError(value)).toBeNull()
      expect(isValidEmail(value)).toBe(true)
    }
  )

  it.each([
    ["", "must not be empty"],
    ["   ", "must not be empty"],
    ["a@x.com, b@y.com", "must not contain"],
    ["a@x.com;b@y.com", "must not contain"],
    ["a@x.com\r\nBcc: c@y.com", "must not contain"],
    ["a@x.com\nb", "must not contain"],
    ["<img src=x>@x.com", "must not contain"],
    ["a b@x.com", "must not contain"],
    ["a\u0000@x.com", "must not contain"],
    ["a\u200b@x.com", "must not contain"],
    ['"a"@x.com', "must not contain"],
    ["no-at.example.com", "exactly one @"],
    ["a@b@x.com", "exactly one @"],
    ["@x.com", "local part"],
    ["a@", "domain"],
    ["a@localhost", "domain"],
    ["a@x..com", "domain"],
    [`${"a".repeat(65)}@x.com`, "at most 64 octets"],
    [`a@${"b".repeat(252)}.com`, "at most 255 octets"],
    [`${"a".repeat(64)}@${"b".repeat(186)}.com`, "at most 254 octets"],
    [`${"\u00e9".repeat(33)}@x.com`, "at most 64 octets"],
  ])("refuses %j", (value, reason) => {
    expect(emailSyntaxError(value)).toContain(reason)
    expect(isValidEmail(value)).toBe(false)
  })

  it("accepts the longest lengths RFC 5321 allows", () => {
    expect(emailSyntaxError(`${"a".repeat(64)}@x.com`)).toBeNull()
    expect(emailSyntaxError(`${"a".repeat(64)}@${"b".repeat(185)}.com`)).toBeNull()
  })
})
