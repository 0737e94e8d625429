import {
  groupRuleSetSchema,
  matchesRuleSet,
  needsOrderFacts,
  type CustomerFacts,
} from "../group-rules"

const facts = (overrides: Partial<CustomerFacts> = {}): CustomerFacts => ({
  email: "Ann@Acme.com",
  email_verified: true,
  has_account: true,
  created_at: new Date("2025-06-01T00:00:00Z"),
  orders_count: 3,
  spent: { eur: 250 },
  ...overrides,
})

const parse = (input: unknown) => groupRuleSetSchema.parse(input)

describe("group rules", () => {
  it.each([
    [{ type: "email_domain", domains: ["acme.com"] }, true],
    [{ type: "email_domain", domains: ["ACME.COM "] }, true],
    [{ type: "email_domain", domains: ["other.com"] }, false],
    [{ type: "orders_count", gte: 3 }, true],
    [{ type: "orders_count", gte: 4 }, false],
    [{ type: "total_spent", gte: 250, currency_code: "EUR" }, true],
    [{ type: "total_spent", gte: 250.01, currency_code: "eur" }, false],
    [{ type: "total_spent", gte: 1, currency_code: "usd" }, false],
    [{ type: "has_account", value: true }, true],
    [{ type: "has_account", value: false }, false],
    [{ type: "created_before", date: "2025-07-01" }, true],
    [{ type: "created_after", date: "2025-07-01T00:00:00Z" }, false],
  ])("evaluates %j as %s", (rule, expected) => {
    expect(matchesRuleSet(parse({ rules: [rule] }), facts())).toEqual(expected)
  })

  it("combines with all or any", () => {
    const rules = [
      { type: "orders_count", gte: 1 },
      { type: "email_domain", domains: ["other.com"] },
    ]
    expect(matchesRuleSet(parse({ match: "all", rules }), facts())).toEqual(false)
    expect(matchesRuleSet(parse({ match: "any", rules }), facts())).toEqual(true)
  })

  it("counts a domain only for a verified address, unless the rule says otherwise", () => {
    const rule = { type: "email_domain", domains: ["acme.com"] }
    expect(parse({ rules: [rule] }).rules[0]).toEqual({ ...rule, verified_only: true })
    expect(matchesRuleSet(parse({ rules: [rule] }), facts({ email_verified: false }))).toEqual(false)
    expect(matchesRuleSet(parse({ rules: [{ ...rule, verified_only: false }] }), facts({ email_verified: false }))).toEqual(true)
    // A rule stored before the flag existed reads as verified-only (the migration wrote false into the old ones).
    expect(matchesRuleSet({ match: "all", rules: [rule as never] }, facts({ email_verified: false }))).toEqual(false)
  })

  it("matches nobody without rules", () => {
    expect(matchesRuleSet(parse({ rules: [] }), facts())).toEqual(false)
  })

  it("does not match a customer without e-mail on a domain rule", () => {
    expect(
      matchesRuleSet(parse({ rules: [{ type: "email_domain", domains: ["acme.com"] }] }), facts({ email: null }))
    ).toEqual(false)
  })

  it.each([
    [{ rules: [{ type: "vip_level", gte: 1 }] }, "type"],
    [{ rules: [{ type: "orders_count", gte: -1 }] }, "gte"],
    [{ rules: [{ type: "orders_count", gte: 1.5 }] }, "gte"],
    [{ rules: [{ type: "total_spent", gte: 10, currency_code: "euro" }] }, "currency_code"],
    [{ rules: [{ type: "total_spent", gte: "10", currency_code: "eur" }] }, "gte"],
    [{ rules: [{ type: "email_domain", domains: ["not a domain"] }] }, "domains"],
    [{ rules: [{ type: "created_after", date: "yesterday" }] }, "date"],
    [{ rules: [{ type: "has_account", value: true, extra: 1 }] }, "extra"],
    [{ match: "most", rules: [] }, "match"],
  ])("refuses %j", (input, path) => {
    const result = groupRuleSetSchema.safeParse(input)
    expect(result.success).toEqual(false)
    expect(JSON.stringify(result.error?.issues)).toContain(path)
  })

  it("knows when order facts are needed", () => {
    expect(needsOrderFacts(parse({ rules: [{ type: "has_account", value: true }] }).rules)).toEqual(false)
    expect(needsOrderFacts(parse({ rules: [{ type: "orders_count", gte: 1 }] }).rules)).toEqual(true)
  })
})
