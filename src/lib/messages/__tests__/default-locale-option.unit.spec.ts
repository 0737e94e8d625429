import { ACCOUNT_SECURITY_OPTION_KEYS, parseOptionsSlice, parsePluginOptions } from "../../options"

describe("the defaultLocale plugin option", () => {
  it("is English unless set, and reaches the account-security module that sends the e-mails", () => {
    expect(parsePluginOptions(undefined).defaultLocale).toEqual("en")
    expect(parseOptionsSlice({ defaultLocale: "de-DE" }, ACCOUNT_SECURITY_OPTION_KEYS).defaultLocale).toEqual("de-DE")
  })

  it("takes any BCP 47 tag, in its canonical spelling", () => {
    expect(parsePluginOptions({ defaultLocale: "de-de" }).defaultLocale).toEqual("de-DE")
    expect(parsePluginOptions({ defaultLocale: "fr" }).defaultLocale).toEqual("fr")
  })

  it.each([["en_US!!"], [""], [42]])("refuses %j, naming the option", (value) => {
    expect(() => parsePluginOptions({ defaultLocale: value })).toThrow(/"defaultLocale"/)
  })
})
