import { z } from "zod"

/**
 * Conditions that make a customer belong to an automatic customer group.
 * Pure code: the workflows collect the facts, this decides.
 */
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i

/** Most rules one group may carry (API validator and admin form). */
export const MAX_RULES_PER_GROUP = 20

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date())

export const groupRuleSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("email_domain"),
      /** Matches the e-mail's domain exactly, case-insensitively (no subdomains). */
      domains: z
        .array(z.string().trim().toLowerCase().regex(DOMAIN, "must be a domain like example.com"))
        .min(1)
        .max(100),
      /**
       * Only a verified address counts (anyone can register x@partner.com).
       * New rules default to it; rules saved before the plugin verified
       * addresses were migrated with `false`, as they matched until then.
       */
      verified_only: z.boolean().default(true),
    })
    .strict(),
  z.object({ type: z.literal("orders_count"), gte: z.number().int().min(0).max(1_000_000) }).strict(),
  z
    .object({
      type: z.literal("total_spent"),
      /** In the currency's main unit (e.g. 100.50 EUR), as Medusa stores order totals. */
      gte: z.number().min(0).max(1e12),
      currency_code: z.string().regex(/^[a-zA-Z]{3}$/, "must be an ISO 4217 code").toLowerCase(),
    })
    .strict(),
  z.object({ type: z.literal("has_account"), value: z.boolean() }).strict(),
  z.object({ type: z.literal("created_before"), date: isoDate }).strict(),
  z.object({ type: z.literal("created_after"), date: isoDate }).strict(),
])
export type GroupRule = z.infer<typeof groupRuleSchema>

export const groupRuleSetSchema = z
  .object({
    match: z.enum(["all", "any"]).default("all"),
    rules: z.array(groupRuleSchema).max(MAX_RULES_PER_GROUP),
  })
  .strict()
export type GroupRuleSetInput = z.infer<typeof groupRuleSetSchema>

/** What the rules look at for one customer. */
export type CustomerFacts = {
  email: string | null
  /** The customer's login address is verified (Medusa's own verification). */
  email_verified: boolean
  has_account: boolean
  created_at: Date
  orders_count: number
  /** Sum of order totals per lower-case currency code. */
  spent: Record<string, number>
}

export function matchesRule(rule: GroupRule, facts: CustomerFacts): boolean {
  switch (rule.type) {
    case "email_domain": {
      const domain = facts.email?.split("@").pop()?.trim().toLowerCase()
      // A rule read without the flag is one made before it existed: see the schema.
      const verifiedOnly = rule.verified_only ?? true
      return !!domain && rule.domains.includes(domain) && (!verifiedOnly || facts.email_verified)
    }
    case "orders_count":
      return facts.orders_count >= rule.gte
    case "total_spent":
      return (facts.spent[rule.currency_code] ?? 0) >= rule.gte
    case "has_account":
      return facts.has_account === rule.value
    case "created_before":
      return facts.created_at.getTime() < Date.parse(rule.date)
    case "created_after":
      return facts.created_at.getTime() > Date.parse(rule.date)
  }
}

/** An empty rule list matches nobody: the group is then not automatic. */
export function matchesRuleSet(
  set: { match: "all" | "any"; rules: GroupRule[] },
  facts: CustomerFacts
): boolean {
  if (!set.rules.length) {
    return false
  }
  return set.match === "all"
    ? set.rules.every((rule) => matchesRule(rule, facts))
    : set.rules.some((rule) => matchesRule(rule, facts))
}

/** Whether any rule needs to know which addresses are verified (a query per batch). */
export function needsVerificationFacts(rules: GroupRule[]): boolean {
  return rules.some((rule) => rule.type === "email_domain" && (rule.verified_only ?? true))
}

/** Whether any rule needs order data (which costs a query per batch). */
export function needsOrderFacts(rules: GroupRule[]): boolean {
  return rules.some((rule) => rule.type === "orders_count" || rule.type === "total_spent")
}
