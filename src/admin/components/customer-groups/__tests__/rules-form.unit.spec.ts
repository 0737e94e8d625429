import { describe, expect, it } from "@jest/globals"

import { emptyRow, toRow, toRule } from "../rules-form"

describe("e-mail domain rows", () => {
  it("ask for a verified address by default and keep the choice both ways", () => {
    expect(toRule({ ...emptyRow("email_domain"), domains: "acme.com, example.org" })).toEqual({
      rule: { type: "email_domain", domains: ["acme.com", "example.org"], verified_only: true },
    })
    const open = toRow({ type: "email_domain", domains: ["acme.com"], verified_only: false })
    expect(open.verifiedOnly).toBe(false)
    expect(toRule(open).rule).toEqual({ type: "email_domain", domains: ["acme.com"], verified_only: false })
    // A rule read without the flag (older API answers) reads as verified-only, as the server does.
    expect(toRow({ type: "email_domain", domains: ["acme.com"] } as never).verifiedOnly).toBe(true)
  })
})
