import { CUSTOMER_GROUPS_OPTION_KEYS, parseOptionsSlice, parsePluginOptions } from "../options"

describe("parsePluginOptions", () => {
  it("fills every default when no options are given", () => {
    const options = parsePluginOptions(undefined)
    expect(options.allowAdminSetPassword).toEqual(false)
    expect(options.passwordPolicy).toEqual(
      expect.objectContaining({ minLength: 8, maxLength: 128, minScore: 2, historySize: 0 })
    )
    expect(options.passwordReset).toEqual({
      resetPasswordUrl:
        "http://localhost:8000/account/reset-password?token={token}&email={email}",
      templateId: "customer-password-reset",
      maxRequests: 3,
      windowSeconds: 900,
    })
  })

  it("requires a verified address only with an explicit choice for existing accounts", () => {
    expect(parsePluginOptions(undefined).emailVerification).toMatchObject({ required: false })
    expect(
      parsePluginOptions({ emailVerification: { required: true, existingAccounts: "require" } }).emailVerification
    ).toMatchObject({ required: true, existingAccounts: "require" })
    expect(
      parsePluginOptions({
        emailVerification: { required: true, existingAccounts: "grandfather", grandfatherCreatedBefore: "2026-12-01" },
      }).emailVerification
    ).toMatchObject({ existingAccounts: "grandfather", grandfatherCreatedBefore: "2026-12-01T00:00:00.000Z" })
  })

  it("ignores the keys Medusa adds to every module's options", () => {
    const options = parsePluginOptions({
      database: { clientUrl: "postgres://x" },
      storeName: "Shop",
    })
    expect(options.storeName).toEqual("Shop")
    expect(options).not.toHaveProperty("database")
  })

  it("names an unknown option so typos fail at boot", () => {
    expect(() => parsePluginOptions({ lockuot: {} })).toThrow(
      /medusa-customer-accounts: invalid plugin option .*lockuot/
    )
  })

  it.each([
    [{ storeName: "" }, /"storeName"/],
    [{ passwordPolicy: { minLength: 0 } }, /"passwordPolicy.minLength"/],
    [{ passwordPolicy: { maxLength: 32 } }, /"passwordPolicy.maxLength"/],
    [{ passwordReset: { resetPasswordUrl: "https://shop.example/reset" } }, /"passwordReset.resetPasswordUrl": must contain the \{token\} placeholder/],
    [{ passwordReset: { maxRequests: 0 } }, /"passwordReset.maxRequests"/],
    [{ allowAdminSetPassword: "yes" }, /"allowAdminSetPassword"/],
    [{ emailVerification: { required: true } }, /"emailVerification.existingAccounts": must be "grandfather" or "require"/],
    [{ emailVerification: { required: true, existingAccounts: "grandfather" } }, /"emailVerification.grandfatherCreatedBefore": must name the cut-off/],
    [{ emailVerification: { required: true, existingAccounts: "require", grandfatherCreatedBefore: "2026-12-01" } }, /"emailVerification.grandfatherCreatedBefore": applies only/],
    [{ emailVerification: { required: true, existingAccounts: "grandfather", grandfatherCreatedBefore: "soon" } }, /"emailVerification.grandfatherCreatedBefore"/],
  ])("names the path of an invalid value: %j", (raw, message) => {
    expect(() => parsePluginOptions(raw)).toThrow(message)
  })
})

describe("parseOptionsSlice", () => {
  it("parses only a module's keys, with their defaults, and leaves the others to their modules", () => {
    const slice = parseOptionsSlice(
      { customerGroups: { backfillBatchSize: 100 }, lockout: { maxAttempts: "many" }, database: {} },
      CUSTOMER_GROUPS_OPTION_KEYS
    )
    expect(slice).toEqual({ customerGroups: { defaultGroupIds: [], backfillBatchSize: 100 } })
  })

  it("names an invalid value of its own keys", () => {
    expect(() => parseOptionsSlice({ customerGroups: { backfillBatchSize: 1 } }, CUSTOMER_GROUPS_OPTION_KEYS)).toThrow(
      /"customerGroups.backfillBatchSize"/
    )
  })
})
