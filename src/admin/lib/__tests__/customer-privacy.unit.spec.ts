import { describe, expect, it } from "@jest/globals"

import { confirmsEmail } from "../customer-privacy"

describe("confirmsEmail", () => {
  it("accepts the e-mail in any case, with stray spaces", () => {
    expect(confirmsEmail("erika@acme.test", "erika@acme.test")).toBe(true)
    expect(confirmsEmail("  Erika@ACME.test ", "erika@acme.test")).toBe(true)
  })

  it("refuses anything else, also a part of it or nothing", () => {
    expect(confirmsEmail("erika@acme.tes", "erika@acme.test")).toBe(false)
    expect(confirmsEmail("erika", "erika@acme.test")).toBe(false)
    expect(confirmsEmail("", "")).toBe(false)
    expect(confirmsEmail("   ", "erika@acme.test")).toBe(false)
  })
})
