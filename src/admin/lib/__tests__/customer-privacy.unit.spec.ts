import { describe, expect, it } from "@jest/globals"

import { confirmsEmail, customerDisplayName } from "../customer-privacy"

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

describe("customerDisplayName", () => {
  const email = "rolf@acme.test"

  it("joins first and last name, or uses the one given", () => {
    expect(customerDisplayName({ first_name: "Rolf", last_name: "Anfrage", email })).toBe("Rolf Anfrage")
    expect(customerDisplayName({ first_name: " Rolf ", last_name: null, email })).toBe("Rolf")
    expect(customerDisplayName({ first_name: "", last_name: "Anfrage", email })).toBe("Anfrage")
  })

  it("falls back to the e-mail without a name, and to null without either", () => {
    expect(customerDisplayName({ first_name: null, last_name: "  ", email })).toBe(email)
    expect(customerDisplayName({ first_name: null, last_name: null, email: null })).toBeNull()
  })
})
