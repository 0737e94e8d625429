import type { LoaderOptions } from "@medusajs/framework/types"
import validateOptionsLoader, { FORWARDED_FOR_WARNING } from "../loaders/validate-options"

/** Runs the module's boot loader with these options and returns what it logged as warnings. */
async function bootWarnings(options: Record<string, unknown>): Promise<string[]> {
  const warnings: string[] = []
  const logger = { warn: (message: string) => warnings.push(message) }
  const container = { resolve: () => logger }
  await validateOptionsLoader({ container, options } as unknown as LoaderOptions<Record<string, unknown>>)
  return warnings
}

describe("boot loader of the account-security module", () => {
  it("warns once when X-Forwarded-For decides the client IP without the merchant saying so", async () => {
    expect(await bootWarnings({})).toEqual([FORWARDED_FOR_WARNING])
    expect(FORWARDED_FOR_WARNING).toContain("lockout.trustedProxyHops")
  })

  it.each([
    ["no proxy (socket address)", { lockout: { trustedProxyHops: 0 } }],
    ["one stated proxy", { lockout: { trustedProxyHops: 1 } }],
    ["the lockout switched off", { lockout: { enabled: false } }],
  ])("stays quiet with %s", async (_, options) => {
    expect(await bootWarnings(options)).toEqual([])
  })

  it("refuses invalid options at boot, naming them", async () => {
    await expect(bootWarnings({ userLockout: { maxAttempts: 0 } })).rejects.toThrow(/"userLockout.maxAttempts"/)
    await expect(bootWarnings({ userLockout: { lockSeconds: 900, maxLockSeconds: 60 } })).rejects.toThrow(
      /"userLockout.maxLockSeconds": maxLockSeconds must be at least lockSeconds/
    )
  })
})
