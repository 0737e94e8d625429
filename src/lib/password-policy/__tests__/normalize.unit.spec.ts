import { comparisonForm, normalizePassword } from "../normalize"
import { isPasswordReused, hashPassword } from "../history"
import { resolvePasswordPolicy, validatePassword } from "../index"

describe("password normalization", () => {
  it("is NFKC: fullwidth and composed forms are one password", () => {
    expect(normalizePassword("ｐａｓｓ１")).toEqual("pass1")
    expect(normalizePassword("pa\u0301ss")).toEqual("p\u00e1ss")
    expect(normalizePassword("p\u00e1ss")).toEqual("p\u00e1ss")
  })

  it("keeps zero-width characters and marks in the password itself", () => {
    expect(normalizePassword("p\u200bass")).toEqual("p\u200bass")
    expect(normalizePassword("p\u00e1ss")).not.toEqual("pass")
  })

  it("compares without zero-width characters, combining marks and case", () => {
    expect(comparisonForm("P\u200bA\u200cS\u200dS\u2060W\ufeffORD")).toEqual("password")
    expect(comparisonForm("pa\u0301ssword")).toEqual("password")
    expect(comparisonForm("p\u00e1ssword")).toEqual("password")
    expect(comparisonForm("ｐａｓｓｗｏｒｄ")).toEqual("password")
    expect(comparisonForm("pass\u00adword")).toEqual("password")
  })
})

describe("the policy on Unicode spellings of weak passwords", () => {
  const options = resolvePasswordPolicy({ minLength: 10, contextWords: true, denyList: ["shopname2026"] })
  const refusedCodes = (password: string, context = {}) => validatePassword(password, context, options).errors.map((e) => e.code)

  it.each([
    ["fullwidth", "ｐａｓｓｗｏｒｄ１２３４"],
    ["zero-width", "p\u200ba\u200bs\u200bs\u200bw\u200bo\u200br\u200bd\u200b1234"],
    ["combining", "pa\u0301ssword1234"],
  ])("refuses a common password written %s", (_, password) => {
    expect(refusedCodes(password)).toContain("common")
  })

  it("finds the deny list and the account's name behind invisible characters", () => {
    expect(refusedCodes("shop\u200bname2026")).toContain("deny_list")
    expect(refusedCodes("correct horse ja\u200bne\u0301doe staple", { first_name: "Jane", email: "janedoe@example.com" })).toContain(
      "contains_personal_info"
    )
  })

  it("counts the length of the normalized form", () => {
    // Ten fullwidth digits are ten characters either way; "ﬃ" (one ligature) is three letters after NFKC.
    expect(validatePassword("\ufb03", {}, resolvePasswordPolicy({ minLength: 3 })).errors.map((e) => e.code)).not.toContain("too_short")
  })
})

describe("history across normalization", () => {
  jest.setTimeout(30_000)
  it("finds a password hashed before normalization and one hashed after", async () => {
    const typed = "ｖｉｏｌｅｔ ４２"
    expect(await isPasswordReused(typed, [await hashPassword(typed)])).toBe(true)
    expect(await isPasswordReused(typed, [await hashPassword(normalizePassword(typed))])).toBe(true)
    expect(await isPasswordReused("violet 42", [await hashPassword(normalizePassword(typed))])).toBe(true)
    expect(await isPasswordReused("violet 43", [await hashPassword(normalizePassword(typed))])).toBe(false)
  })
})
