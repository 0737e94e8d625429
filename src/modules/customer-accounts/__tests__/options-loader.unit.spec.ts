import type { LoaderOptions } from "@medusajs/framework/types"
import validateOptionsLoader, { CUSTOMER_ACCOUNTS_OPTIONS } from "../loaders/validate-options"

/** Runs the module's boot loader with these options; returns what it registered. */
async function boot(options: Record<string, unknown>) {
  const registered = new Map<string, unknown>()
  const container = {
    register: (key: string, resolver: { resolve: () => unknown }) => registered.set(key, resolver.resolve()),
  }
  await validateOptionsLoader({ container, options } as unknown as LoaderOptions<Record<string, unknown>>)
  return registered.get(CUSTOMER_ACCOUNTS_OPTIONS) as Record<string, Record<string, unknown>>
}

describe("boot loader of the customer-accounts module", () => {
  it("registers its slice: staff permissions and the data subject rights, with every default", async () => {
    const slice = await boot({ anonymize: { selfService: true }, lockout: { maxAttempts: 3 } })
    expect(Object.keys(slice).sort()).toEqual(["anonymize", "privacy", "staffPermissions"])
    expect(slice.privacy).toEqual({ exportIncludesNotes: true })
    expect(slice.anonymize).toEqual({ selfService: true, orders: "keep" })
  })

  it("checks every option of the plugin, not only its slice", async () => {
    await expect(boot({ lockuot: {} })).rejects.toThrow(/lockuot/)
  })
})
