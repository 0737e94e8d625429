import type { LoaderOptions } from "@medusajs/framework/types"
import accountSecurityOptionsLoader, { ACCOUNT_SECURITY_OPTIONS, FORWARDED_FOR_WARNING } from "../loaders/options"

/** Runs the module's boot loader with these options; returns what it logged and registered. */
async function boot(options: Record<string, unknown>) {
  const warnings: string[] = []
  const registered = new Map<string, unknown>()
  const logger = { warn: (message: string) => warnings.push(message) }
  const container = {
    resolve: () => logger,
    register: (key: string, resolver: { resolve: () => unknown }) => registered.set(key, resolver.resolve()),
  }
  await accountSecurityOptionsLoader({ container, options } as unknown as LoaderOptions<Record<string, unknown>>)
  return { warnings, registered }
}

describe("boot loader of the account-security module", () => {
  it("registers its slice of the options, parsed once with every default", async () => {
    const { registered } = await boot({ lockout: { maxAttempts: 3 }, customerGroups: { backfillBatchSize: 100 } })
    const slice = registered.get(ACCOUNT_SECURITY_OPTIONS) as Record<string, Record<string, unknown>>
    expect(Object.keys(slice).sort()).toEqual(
      [
        "allowAdminSetPassword",
        "assistance",
        "defaultLocale",
        "emailChange",
        "emailVerification",
        "lockout",
        "passwordPolicy",
        "passwordReset",
        "passwordStrength",
        "sessions",
        "userLockout",
      ].sort()
    )
    expect(slice.emailChange).toEqual({ maxAddresses: 3, windowSeconds: 86_400 })
    expect(slice.passwordStrength).toEqual({ maxRequests: 120, windowSeconds: 60 })
    expect(slice.lockout).toEqual(expect.objectContaining({ maxAttempts: 3, ipMaxAttempts: 50 }))
    expect(slice.userLockout).toEqual(expect.objectContaining({ maxAttempts: 5, enabled: true }))
  })

  it("warns once when X-Forwarded-For decides the client IP without the merchant saying so", async () => {
    expect((await boot({})).warnings).toEqual([FORWARDED_FOR_WARNING])
    expect(FORWARDED_FOR_WARNING).toContain("lockout.trustedProxyHops")
  })

  it.each([
    ["no proxy (socket address)", { lockout: { trustedProxyHops: 0 } }],
    ["one stated proxy", { lockout: { trustedProxyHops: 1 } }],
    ["the lockout switched off", { lockout: { enabled: false } }],
  ])("stays quiet with %s", async (_, options) => {
    expect((await boot(options)).warnings).toEqual([])
  })

  it("refuses invalid options of its slice at boot, naming them", async () => {
    await expect(boot({ userLockout: { maxAttempts: 0 } })).rejects.toThrow(/"userLockout.maxAttempts"/)
    await expect(boot({ userLockout: { lockSeconds: 900, maxLockSeconds: 60 } })).rejects.toThrow(
      /"userLockout.maxLockSeconds": maxLockSeconds must be at least lockSeconds/
    )
  })
})
