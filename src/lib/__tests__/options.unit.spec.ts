import { parsePluginOptions } from "../options"

describe("parsePluginOptions", () => {
  it("accepts no options at all", () => {
    expect(parsePluginOptions(undefined)).toEqual({})
  })

  it("ignores the keys Medusa adds to every module's options", () => {
    expect(
      parsePluginOptions({ database: { clientUrl: "postgres://x" }, storeName: "Shop" })
    ).toEqual({ storeName: "Shop" })
  })

  it("names an unknown option so typos fail at boot", () => {
    expect(() => parsePluginOptions({ lockuot: {} })).toThrow(
      /medusa-customer-accounts: invalid plugin option .*lockuot/
    )
  })

  it("names the path of an invalid value", () => {
    expect(() => parsePluginOptions({ storeName: "" })).toThrow(/"storeName"/)
  })
})
