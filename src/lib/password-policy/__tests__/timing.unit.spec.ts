import { kdf, viewParams } from "scrypt-kdf"
import { burnPasswordCheck, emailpassHashParams } from "../timing"
import { PASSWORD_HASH_PARAMS } from "../history"

describe("burnPasswordCheck", () => {
  it("never accepts a password, including the stand-in's own text", async () => {
    expect(await burnPasswordCheck("anything", PASSWORD_HASH_PARAMS)).toEqual(false)
    expect(await burnPasswordCheck("not a real account, only a timing stand-in", PASSWORD_HASH_PARAMS)).toEqual(false)
    expect(await burnPasswordCheck("", PASSWORD_HASH_PARAMS)).toEqual(false)
  })

  it("never accepts a password with the provider's configured parameters either", async () => {
    expect(await burnPasswordCheck("not a real account, only a timing stand-in", { logN: 10, r: 8, p: 1 })).toEqual(false)
  })
})

describe("emailpassHashParams", () => {
  it("is Medusa's default when the app configures no emailpass hashConfig", () => {
    expect(emailpassHashParams(undefined)).toEqual({ logN: 15, r: 8, p: 1 })
    expect(emailpassHashParams({})).toEqual(PASSWORD_HASH_PARAMS)
    expect(emailpassHashParams({ auth: true })).toEqual(PASSWORD_HASH_PARAMS)
    expect(
      emailpassHashParams({ auth: { options: { providers: [{ resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass" }] } } })
    ).toEqual(PASSWORD_HASH_PARAMS)
  })

  it("follows the emailpass provider's hashConfig, so an unknown e-mail costs what a known one does", async () => {
    const modules = {
      auth: {
        options: {
          providers: [
            { resolve: "./some-other-provider", id: "other", options: { hashConfig: { logN: 4, r: 1, p: 1 } } },
            { resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass", options: { hashConfig: { logN: 11, r: 8, p: 2 } } },
          ],
        },
      },
    }
    const params = emailpassHashParams(modules)
    expect(params).toEqual({ logN: 11, r: 8, p: 2 })
    // The header of a key made with them says so (what the provider stores).
    expect(viewParams(await kdf("x", params))).toEqual({ logN: 11, r: 8, p: 2 })
  })
})
