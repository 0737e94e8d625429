import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  generateJwtToken,
  Modules,
} from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { updateCustomersWorkflow } from "@medusajs/medusa/core-flows"
import fc from "fast-check"
import { ACCOUNT_SECURITY_MODULE } from "../../src/modules/account-security"
import { CustomerAccountEvents } from "../../src/lib/events"
import type AccountSecurityModuleService from "../../src/modules/account-security/service"
import { SecurityCounterScopes } from "../../src/modules/account-security/types"
import { REDACTED_RESET_URL } from "../../src/subscribers/send-password-reset-email"
import { MFA_RESET_TEMPLATE } from "../../src/subscribers/notify-mfa-reset"
import { isPasswordReused } from "../../src/lib/password-policy/history"
import { EMAIL_CHANGE_PURPOSE } from "../../src/lib/email/email-change"
import { normalizeIdentifier } from "../../src/lib/identity/auth-identity"
import {
  createAdmin,
  createPublishableKey,
  registerCustomer,
  type TestAdmin,
  type TestCustomer,
} from "./helpers/auth"
import { captureEvents, eventually } from "./helpers/events"
import { CAPABILITIES } from "../../src/lib/permissions/capabilities"
import {
  bodyArb,
  headerValue,
  idArb,
  MALFORMED_PERCENT_SEGMENTS,
  jsonValue,
  nastyNumber,
  nastyScalar,
  nastyString,
  obj,
  queryArb,
  shapedObject,
  json,
  jsonTree,
  type Json,
} from "./helpers/fuzz-arbitraries"
import { createRawClient, type RawClient } from "./helpers/fuzz-http"
import { createFuzzer, type FuzzCase, type FuzzRoute } from "./helpers/fuzz-property"
import { installWriteLog, rowCounts } from "./helpers/fuzz-db"
import { liveLinkEmailsSettled } from "./helpers/notifications"

/**
 * Property-based fuzzing of every route the plugin adds or guards (its own
 * routes, its middlewares on Medusa's auth routes, the `additional_data`
 * hooks on Medusa's customer routes): each route and method gets the same
 * fixed budget, FUZZ_RUNS (250) generated requests, sent in batches of
 * FUZZ_BATCH (4) (helpers/fuzz-property.ts). Every answer
 * must come within 15 s and be 2xx or 4xx; every 4xx must have Medusa's
 * error shape and write nothing (helpers/fuzz-db.ts logs every row written
 * to the plugin's tables and the core tables it touches); no answer may carry
 * a password hash, a reset token or the submitted password; Object.prototype
 * must stay clean. `FUZZ_SEED` replays a failure, `FUZZ_REPORT=<file>` writes
 * per-route status counts.
 */

// A ceiling, not an estimate: the whole suite took 550 s on the 2-core machine
// kind (2026-12-07, with the HTTP tier's scrypt cost, logN 10).
jest.setTimeout(25 * 60 * 1000)

// Every login attempt the lockout admits costs a scrypt check (~100 ms); a
// lower per-IP limit than the default 50 reaches the refusals (429) sooner.
process.env.CAM_PLUGIN_OPTIONS = JSON.stringify({ lockout: { ipMaxAttempts: 10 } })
afterAll(() => {
  delete process.env.CAM_PLUGIN_OPTIONS
})

/** Timeline pages, admin and store: kinds (some unknown), limits and offsets on both sides of their bounds. */
const activityQuery = queryArb({
  kind: fc.constantFrom("security", "notes,profile", "groups,bogus", "", "SECURITY", ",", "security,security,notes,profile,groups"),
  limit: fc.constantFrom("1", "20", "100", "0", "101", "1e3", "-1"),
  offset: fc.constantFrom("0", "3", "100000", "100001", "x"),
})

const JANE_PASSWORD = "a long and unusual passphrase 42"

const WEAK_PASSWORDS = [
  "password",
  "12345678",
  "Password123!",
  "jane12345",
  "jane@example.com",
  "short",
  "",
  "          ",
  "a".repeat(129),
  "😀".repeat(130),
]
const STRONG_PASSWORDS = [
  "violet tractor whispers at noon 7",
  "quiet harbour lantern drifting 19",
  "Ωmega sloth 🦥 eats forty kumquats",
]
const PASSPHRASE_WORDS = ["violet", "tractor", "harbour", "lantern", "kumquat", "glacier", "saxophone", "meadow", "pylon", "quartz", "tundra", "walrus"]

/** Passphrases the policy accepts, and new ones each time (history refuses reuse). */
const strongPassword: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(...STRONG_PASSWORDS),
  fc
    .tuple(fc.shuffledSubarray(PASSPHRASE_WORDS, { minLength: 4, maxLength: 4 }), fc.nat(999))
    .map(([words, n]) => `${words.join(" ")} ${n}`)
)

/** Mostly refused passwords: every accepted one costs scrypt work on the server. */
const passwordValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WEAK_PASSWORDS) },
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: strongPassword },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) }
)

/**
 * For routes where an accepted password costs several scrypt operations
 * (history checks, hashing): about one in ten would be accepted.
 */
const rarelyStrongPassword: fc.Arbitrary<Json> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WEAK_PASSWORDS) },
  { weight: 4, arbitrary: nastyString },
  { weight: 1, arbitrary: strongPassword },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) }
)

/** E-mail addresses every validator accepts, new ones each time. */
const plainEmail = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,12}$/), fc.constantFrom("example.com", "shop.test", "acme.com"))
  .map(([local, domain]) => `${local}@${domain}`)

const emailValue = (known: string[]): fc.Arbitrary<Json> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...known, ...known.map((e) => ` ${e.toUpperCase()} `)) },
    { weight: 1, arbitrary: plainEmail },
    { weight: 1, arbitrary: fc.emailAddress() },
    { weight: 2, arbitrary: nastyString }
  )

/** Mostly `valid`, sometimes any hostile string. */
const mostly = (valid: fc.Arbitrary<Json>) =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: nastyString })

/** Valid values mostly, else refused ones (the workflow's checks) or hostile strings. */
const validOrNot = (valid: Json[], refused: Json[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...valid) },
    { weight: 1, arbitrary: fc.constantFrom(...refused) },
    { weight: 1, arbitrary: nastyString }
  )

/**
 * `ownAddressIds` belong to the customer the request is about, `otherAddressIds`
 * do not. `conversionKeys: false` leaves out `toString`/`valueOf` keys.
 */
const preferencesFields = (ownAddressIds: string[], otherAddressIds: string[], { conversionKeys = true } = {}) => ({
  locale: validOrNot(["en-US", "de-de", "fr", "zh-Hant-TW", null], ["en_US", "x-private", "i-klingon", "qq-ZZ-x"]),
  preferred_shipping_option_id: validOrNot([null], ["so_missing"]),
  default_shipping_address_id: validOrNot([null, ...ownAddressIds], otherAddressIds),
  default_billing_address_id: validOrNot([null, ...ownAddressIds], otherAddressIds),
  communication: shapedObject({ email_marketing: fc.boolean(), sms_marketing: fc.boolean() }, { conversionKeys }),
})

const ISO_DATES = ["2025-01-01", "2025-01-01T00:00:00Z", "2025-01-01T00:00:00+02:00"]

/** Rules as documented, so that rule sets get stored. */
const validGroupRule: fc.Arbitrary<Json> = fc.oneof(
  fc.array(fc.constantFrom("acme.com", "Example.ORG", "xn--bcher-kva.de"), { minLength: 1, maxLength: 3 }).map((domains) =>
    obj({ type: "email_domain", domains })
  ),
  fc.nat(1000).map((gte) => obj({ type: "orders_count", gte })),
  fc
    .tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom("eur", "USD"))
    .map(([gte, currency_code]) => obj({ type: "total_spent", gte, currency_code })),
  fc.boolean().map((value) => obj({ type: "has_account", value })),
  fc
    .tuple(fc.constantFrom("created_before", "created_after"), fc.constantFrom(...ISO_DATES))
    .map(([type, date]) => obj({ type, date }))
)

/** Rules with hostile values: unknown currencies and types, bad dates, numbers, domains. */
const hostileGroupRule: fc.Arbitrary<Json> = fc.oneof(
  shapedObject(
    {
      type: fc.constantFrom("email_domain", "domain"),
      domains: fc.array(fc.oneof(fc.constantFrom("acme.com", "-bad-.com", "a..b"), nastyString), { maxLength: 3 }),
    },
    { requiredKeys: ["type", "domains"] }
  ),
  shapedObject({ type: fc.constant("orders_count"), gte: nastyNumber }, { requiredKeys: ["type", "gte"] }),
  shapedObject(
    {
      type: fc.constant("total_spent"),
      gte: fc.oneof(fc.nat(1000), nastyNumber),
      currency_code: fc.oneof(fc.constantFrom("eur", "xxx", "zz", "EUR "), nastyString),
    },
    { requiredKeys: ["type", "gte", "currency_code"] }
  ),
  shapedObject({ type: fc.constant("has_account"), value: nastyScalar }, { requiredKeys: ["type", "value"] }),
  shapedObject(
    {
      type: fc.constantFrom("created_before", "created_after"),
      date: fc.oneof(
        fc.constantFrom("2025-13-45", "0000-00-00", "275760-09-13", "2025-01-01T25:00:00Z"),
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        nastyString
      ),
    },
    { requiredKeys: ["type", "date"] }
  ),
  jsonValue()
)

const groupRule = fc.oneof({ weight: 3, arbitrary: validGroupRule }, { weight: 2, arbitrary: hostileGroupRule })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let knex: Knex
    let client: RawClient
    let admin: TestAdmin
    let jane: TestCustomer
    let pk: Record<string, string>
    let guestId: string
    let groupIds: string[]
    let disposableGroupId: string
    let noteIds: string[]
    let janeAddressId: string
    let guestAddressId: string
    let capture: ReturnType<typeof captureEvents>
    /** Address changes the store route accepted in this test (see emailChangesSettled). */
    let emailChangesAccepted = 0
    /** Reset tokens minted by the test itself (the rest come from `auth.password_reset` events). */
    let mintedTokens: string[]

    const adminHeaders = () => ({ authorization: `Bearer ${admin.token}` })
    const storeHeaders = () => ({ ...pk, authorization: `Bearer ${jane.token}` })

    /** A forged token: right shape, wrong secret. */
    const forged = () =>
      generateJwtToken(
        { actor_id: admin.user.id, actor_type: "user", auth_identity_id: "authid_x", app_metadata: {} },
        { secret: "not-the-secret", expiresIn: "1h" }
      )

    /** Mostly the proper credentials, sometimes missing, garbled or forged ones. */
    const withAuth = (proper: () => Record<string, string>) =>
      fc.oneof(
        { weight: 15, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            "none",
            "garbage",
            "forged",
            "basic",
            "empty-bearer",
            "no-publishable-key",
            "bad-publishable-key"
          ),
        }
      ).map((variant): Record<string, string> => {
        const headers = { ...proper() }
        switch (variant) {
          case null:
            return headers
          case "none":
            delete headers.authorization
            return headers
          case "garbage":
            return { ...headers, authorization: "Bearer garbage.token.here" }
          case "forged":
            return { ...headers, authorization: `Bearer ${forged()}` }
          case "basic":
            return { ...headers, authorization: "Basic YWRtaW46YWRtaW4=" }
          case "empty-bearer":
            return { ...headers, authorization: "Bearer " }
          case "no-publishable-key":
            delete headers["x-publishable-api-key"]
            return headers
          default:
            return { ...headers, "x-publishable-api-key": "pk_0000000000000000" }
        }
      })

    const resetTokens = () => [
      ...mintedTokens,
      ...capture.named("auth.password_reset").map((event) => String((event.data as { token: string }).token)),
    ]

    const fuzzer = () =>
      createFuzzer({ client, knex, secrets: { resetTokens } })

    /**
     * Waits until every reset token Medusa issued (`auth.password_reset`) has
     * its e-mail, sent and redacted: the plugin's subscriber writes it after
     * the answer, the Notification module marks it sent later still, and the
     * subscriber then replaces the stored link.
     */
    const resetEmailsSent = async () => {
      await eventually(async () => {
        const { rows } = await knex.raw(
          `select count(*) filter (where template = 'customer-password-reset') as written,
                  count(*) filter (where status = 'pending') as pending,
                  count(*) filter (where template = 'customer-password-reset'
                                     and data->>'reset_url' is distinct from ?) as unredacted
           from notification`,
          [REDACTED_RESET_URL]
        )
        return (
          Number(rows[0].written) >= capture.named("auth.password_reset").length &&
          Number(rows[0].pending) === 0 &&
          Number(rows[0].unredacted) === 0
        )
      })
    }

    /**
     * Waits until every MFA reset so far has its e-mail (delivered) and its
     * timeline entry: subscribers write both after the answer, and under load
     * later than any quiet period a write log can wait for.
     */
    const mfaResetsSettled = async () => {
      await eventually(
        async () => {
          const resets = capture.delivered(CustomerAccountEvents.MFA_RESET).length
          const { rows } = await knex.raw(
            `select (select count(*) from notification where template = ? and status <> 'pending')::int as mailed,
                    (select count(*) from account_activity where type = 'mfa.reset')::int as recorded`,
            [MFA_RESET_TEMPLATE]
          )
          return rows[0].mailed >= resets && rows[0].recorded >= resets
        },
        { timeoutMs: 15000 }
      )
    }

    /**
     * Waits until every address change the store route accepted has run
     * after its answer (`customer_account.email_change_requested`), and the
     * verification e-mail subscriber has counted each link Medusa issued for
     * a new address against that address's limit (its last write; it may
     * come long after the others under load, so a quiet write log proves
     * nothing).
     */
    const emailChangesSettled = async () => {
      await eventually(async () => {
        const accepted = capture.named(CustomerAccountEvents.EMAIL_CHANGE_REQUESTED).length
        if (accepted < emailChangesAccepted) {
          return false
        }
        const linksPerAddress = new Map<string, number>()
        for (const { data } of capture.delivered("auth.verification_requested")) {
          const { entity_id, metadata } = data as { entity_id: string; metadata?: { purpose?: string } }
          if (metadata?.purpose === EMAIL_CHANGE_PURPOSE) {
            const key = normalizeIdentifier(entity_id)
            linksPerAddress.set(key, (linksPerAddress.get(key) ?? 0) + 1)
          }
        }
        if (!linksPerAddress.size) {
          return true
        }
        const rows: { key: string; count: number }[] = await knex("security_counter")
          .where({ scope: SecurityCounterScopes.EMAIL_VERIFICATION_MAIL })
          .whereIn("key", [...linksPerAddress.keys()])
          .select("key", "count")
        const counted = new Map(rows.map((row) => [row.key, Number(row.count)]))
        return [...linksPerAddress].every(([key, links]) => (counted.get(key) ?? 0) >= links)
      })
    }

    /** `fields` of one JSON body, for `passwordsOf`. */
    const fieldsOf = (input: FuzzCase, ...names: string[]): unknown[] => {
      try {
        const body = JSON.parse(input.body?.payload ?? "null")
        return body && typeof body === "object" ? names.map((name) => body[name]) : []
      } catch {
        return []
      }
    }

    beforeEach(async () => {
      container = getContainer()
      knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      client ??= createRawClient(String(api.defaults.baseURL))
      await installWriteLog(knex)
      capture = captureEvents(container)
      emailChangesAccepted = 0
      mintedTokens = []
      pk = await createPublishableKey(container)
      admin = await createAdmin(api, container)
      jane = await registerCustomer(api, pk, { email: "jane@example.com", password: JANE_PASSWORD })
      const guest = await api.post(
        "/admin/customers",
        { email: "guest@example.com", first_name: "Gus" },
        { headers: adminHeaders() }
      )
      guestId = guest.data.customer.id
      groupIds = []
      for (const name of ["VIP", "Wholesale", "Disposable"]) {
        const { data } = await api.post("/admin/customer-groups", { name }, { headers: adminHeaders() })
        groupIds.push(data.customer_group.id)
      }
      disposableGroupId = groupIds.pop() as string
      // So that deleting it gives the plugin's cleanup something to do.
      await api.post(
        `/admin/customer-groups/${disposableGroupId}/rules`,
        { rules: [{ type: "email_domain", domains: ["example.com"] }] },
        { headers: adminHeaders() }
      )
      await api.post(
        "/admin/customer-accounts/settings",
        { default_group_ids: [disposableGroupId] },
        { headers: adminHeaders() }
      )
      const note = await api.post(
        `/admin/customers/${jane.customer.id}/notes`,
        { body: "Seed note" },
        { headers: adminHeaders() }
      )
      noteIds = [note.data.note.id]
      const address = { first_name: "Jane", address_1: "1 Main St", city: "Berlin", country_code: "de", postal_code: "10115" }
      const janeAddress = await api.post("/store/customers/me/addresses", address, { headers: storeHeaders() })
      janeAddressId = janeAddress.data.customer.addresses[0].id
      const [guestAddress] = await container
        .resolve(Modules.CUSTOMER)
        .createCustomerAddresses([{ ...address, customer_id: guestId }])
      guestAddressId = guestAddress.id
      // Jane's verification e-mail is written after her registration answered.
      await liveLinkEmailsSettled(knex, "jane@example.com")
    })

    afterEach(() => {
      capture?.stop()
    })

    afterAll(() => {
      client?.close()
    })

    const customerIds = () => [jane.customer.id, guestId]
    /** One of the seeded customers, with the address ids that are theirs and the others'. */
    const customerWithAddresses = () =>
      fc.constantFrom<{ id: string; own: string[]; other: string[] }>(
        { id: jane.customer.id, own: [janeAddressId], other: [guestAddressId] },
        { id: guestId, own: [guestAddressId], other: [janeAddressId] }
      )

    it("fuzzes the admin routes: 2xx or 4xx, error shape, no write on 4xx, no secrets", async () => {
      const { fuzzRoutes } = fuzzer()
      let groupDeleted = false
      /** When each group's rule set was last evaluated. */
      const lastRunStamps = async (): Promise<Map<string, string>> => {
        const { rows } = await knex.raw(
          "select customer_group_id, coalesce(last_run_at::text, '') as stamp from customer_group_rule_set where deleted_at is null"
        )
        return new Map(rows.map((row: { customer_group_id: string; stamp: string }) => [row.customer_group_id, row.stamp]))
      }
      let lastRuns = new Map<string, string>()
      const adminAuth = withAuth(adminHeaders)
      const notesQuery = queryArb({
        limit: fc.constantFrom("1", "20", "100", "0", "101"),
        offset: fc.constantFrom("0", "1", "5"),
        order: fc.constantFrom("created_at", "-created_at", "updated_at", "-updated_at", "body", "pinned"),
        fields: fc.constantFrom("id,body", "*author", "+author.email", "author.*", "customer.*", "*customer", "nope", "id,,id"),
      })
      const fieldsQuery = queryArb({
        fields: fc.constantFrom("*shipping_option", "+shipping_option", "shipping_option.*", "id", "*author", "author.*"),
      })
      const noteBody = {
        body: fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), fc.constantFrom("x".repeat(10_000), "x".repeat(10_001))),
        pinned: fc.boolean(),
      }
      /** Marks a case that anonymizes a customer made for it (the header never reaches the server). */
      const DISPOSABLE_HEADER = "x-fuzz-disposable"
      let disposables = 0
      const customerPath = (suffix: string) => idArb(customerIds).map((id) => `/admin/customers/${id}${suffix}`)
      const userPath = (suffix: string) => idArb(() => [admin.user.id]).map((id) => `/admin/users/${id}${suffix}`)
      /**
       * A third of the cases name Jane's seed note under Jane (read when
       * generated); the rest combine any two ids, which rarely belong
       * together (a 404), so that 250 runs always hold some requests the
       * route must accept.
       */
      const notePath = fc.oneof(
        { weight: 1, arbitrary: fc.constant(null).map(() => `/admin/customers/${jane.customer.id}/notes/${noteIds[0]}`) },
        {
          weight: 2,
          arbitrary: fc
            .tuple(idArb(customerIds), idArb(() => noteIds))
            .map(([id, noteId]) => `/admin/customers/${id}/notes/${noteId}`),
        }
      )
      const groupPath = (suffix: string) => idArb(() => groupIds).map((id) => `/admin/customer-groups/${id}${suffix}`)
      const emptyBody = (shapedWeight = 10) => bodyArb({}, { shapedWeight })
      const passwordOf = (input: FuzzCase) => fieldsOf(input, "password")

      const routes: FuzzRoute[] = [
        {
          name: "GET /admin/customer-accounts/password-policy",
          method: "GET",
          cases: fc.record({ path: fc.constant("/admin/customer-accounts/password-policy"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "GET /admin/customer-accounts/security-settings",
          method: "GET",
          cases: fc.record({ path: fc.constant("/admin/customer-accounts/security-settings"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "GET /admin/customer-accounts/group-rules",
          method: "GET",
          cases: fc.record({ path: fc.constant("/admin/customer-accounts/group-rules"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "GET /admin/customer-accounts/settings",
          method: "GET",
          cases: fc.record({ path: fc.constant("/admin/customer-accounts/settings"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "POST /admin/customer-accounts/settings",
          method: "POST",
          cases: fc.record({
            path: fc.constant("/admin/customer-accounts/settings"),
            headers: adminAuth,
            body: bodyArb(
              {
                default_group_ids: fc.oneof(
                  fc.subarray(groupIds).map((ids) => ids as Json),
                  fc.array(fc.oneof(fc.constantFrom(...groupIds), nastyString), { maxLength: 60 })
                ),
              },
              { requiredKeys: ["default_group_ids"] }
            ),
          }),
        },
        {
          name: "GET /admin/customer-accounts/permissions",
          method: "GET",
          cases: fc.record({ path: fc.constant("/admin/customer-accounts/permissions"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "GET /admin/customer-accounts/permissions/me",
          method: "GET",
          cases: fc.record({ path: fc.constant("/admin/customer-accounts/permissions/me"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "GET /admin/customer-accounts/permissions/changes",
          method: "GET",
          cases: fc.record({ path: fc.constant("/admin/customer-accounts/permissions/changes"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "POST /admin/customer-accounts/permissions/:user_id",
          method: "POST",
          cases: fc.record({
            path: idArb(() => [admin.user.id]).map((id) => `/admin/customer-accounts/permissions/${id}`),
            headers: adminAuth,
            body: bodyArb(
              {
                capabilities: fc.oneof(
                  // The user keeps managing permissions (the shop's last manager may not step down).
                  fc.subarray([...CAPABILITIES]).map((names) => [...new Set([...names, "permissions.manage"])] as Json),
                  fc.array(fc.oneof(fc.constantFrom(...CAPABILITIES), nastyString), { maxLength: 40 })
                ),
              },
              { requiredKeys: ["capabilities"] }
            ),
          }),
        },
        {
          name: "GET /admin/customer-groups/:id/rules",
          method: "GET",
          cases: fc.record({ path: groupPath("/rules"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "POST /admin/customer-groups/:id/rules",
          method: "POST",
          cases: fc.record({
            path: groupPath("/rules"),
            headers: adminAuth,
            body: bodyArb(
              { match: fc.constantFrom("all", "any", "none", "ALL"), rules: fc.array(groupRule, { maxLength: 4 }) },
              { requiredKeys: ["rules"] }
            ),
          }),
        },
        {
          name: "POST /admin/customer-groups/:id/rules/evaluate",
          method: "POST",
          // 202 starts a background backfill that stamps `last_run` on the
          // rule sets it evaluated when it ends: wait for that stamp. One at a
          // time: a backfill started while another runs is skipped (by design).
          batch: 1,
          prepare: async (input) => {
            lastRuns = await lastRunStamps()
            return input
          },
          afterSuccess: async (_response, input) => {
            // Only a group with rules gets a stamp; the id was a valid one (202).
            const groupId = decodeURIComponent(input.path.split("/")[3])
            if (lastRuns.has(groupId)) {
              await eventually(async () => (await lastRunStamps()).get(groupId) !== lastRuns.get(groupId), {
                timeoutMs: 10_000,
              })
            }
          },
          cases: fc.record({ path: groupPath("/rules/evaluate"), headers: adminAuth, body: emptyBody(1) }),
        },
        {
          name: "GET /admin/customers/:id/group-memberships",
          method: "GET",
          cases: fc.record({ path: customerPath("/group-memberships"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "GET /admin/customers/:id/notes",
          method: "GET",
          cases: fc.record({ path: customerPath("/notes"), query: notesQuery, headers: adminAuth }),
        },
        {
          name: "POST /admin/customers/:id/notes",
          method: "POST",
          cases: fc.record({
            path: customerPath("/notes"),
            query: queryArb({ fields: fc.constantFrom("id,body", "*author", "nope") }),
            headers: adminAuth,
            body: bodyArb(noteBody, { requiredKeys: ["body"] }),
          }),
          onSuccess: (response) => {
            noteIds.push((response.json as { note: { id: string } }).note.id)
          },
        },
        {
          name: "GET /admin/customers/:id/notes/:note_id",
          method: "GET",
          cases: fc.record({
            path: notePath,
            query: queryArb({ fields: fc.constantFrom("id,body", "*author", "nope") }),
            headers: adminAuth,
          }),
        },
        {
          name: "POST /admin/customers/:id/notes/:note_id",
          method: "POST",
          cases: fc.record({ path: notePath, headers: adminAuth, body: bodyArb(noteBody) }),
        },
        {
          name: "DELETE /admin/customers/:id/notes/:note_id",
          method: "DELETE",
          cases: fc.record({ path: notePath, query: queryArb({}), headers: adminAuth, body: emptyBody(2) }),
        },
        {
          name: "POST /admin/customers/:id/password-reset",
          method: "POST",
          // The reset e-mail is a notification written by a subscriber.
          afterSuccess: resetEmailsSent,
          cases: fc.record({ path: customerPath("/password-reset"), headers: adminAuth, body: emptyBody(2) }),
        },
        {
          name: "POST /admin/customers/:id/password-strength",
          method: "POST",
          passwordsOf: passwordOf,
          cases: fc.record({
            path: customerPath("/password-strength"),
            headers: adminAuth,
            body: bodyArb({ password: passwordValue }, { requiredKeys: ["password"] }),
          }),
        },
        {
          name: "POST /admin/customers/:id/password",
          method: "POST",
          passwordsOf: passwordOf,
          cases: fc.record({
            // Mostly Jane: the guest has no password to set (404).
            path: idArb(() => [jane.customer.id, jane.customer.id, guestId]).map((id) => `/admin/customers/${id}/password`),
            headers: adminAuth,
            body: bodyArb({ password: passwordValue }, { requiredKeys: ["password"] }),
          }),
        },
        {
          name: "GET /admin/customers/:id/activity",
          method: "GET",
          cases: fc.record({ path: customerPath("/activity"), query: activityQuery, headers: adminAuth }),
        },
        {
          name: "GET /admin/customers/:id/preferences",
          method: "GET",
          cases: fc.record({ path: customerPath("/preferences"), query: fieldsQuery, headers: adminAuth }),
        },
        {
          name: "POST /admin/customers/:id/preferences",
          method: "POST",
          cases: customerWithAddresses().chain(({ id, own, other }) =>
            fc.record({
              path: idArb(() => [id]).map((segment) => `/admin/customers/${segment}/preferences`),
              query: fieldsQuery,
              headers: adminAuth,
              body: bodyArb(preferencesFields(own, other)),
            })
          ),
        },
        {
          name: "GET /admin/customers/:id/security",
          method: "GET",
          cases: fc.record({ path: customerPath("/security"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "GET /admin/customers/:id/email-verification",
          method: "GET",
          cases: fc.record({ path: customerPath("/email-verification"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "POST /admin/customers/:id/email-verification/resend",
          method: "POST",
          // A fresh link is e-mailed (and redacted in the store) after the answer.
          settleAfterSuccess: { quietMs: 300 },
          cases: fc.record({ path: customerPath("/email-verification/resend"), headers: adminAuth, body: emptyBody(2) }),
        },
        {
          name: "POST /admin/customers/:id/email-verification/verify",
          method: "POST",
          settleAfterSuccess: {},
          cases: fc.record({ path: customerPath("/email-verification/verify"), headers: adminAuth, body: emptyBody(2) }),
        },
        {
          name: "GET /admin/customer-accounts/erasure-requests",
          method: "GET",
          cases: fc.record({ path: fc.constant("/admin/customer-accounts/erasure-requests"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "GET /admin/customers/:id/privacy",
          method: "GET",
          cases: fc.record({ path: customerPath("/privacy"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "GET /admin/customers/:id/export",
          method: "GET",
          // The timeline records the export after the answer.
          settleAfterSuccess: { quietMs: 300 },
          cases: fc.record({ path: customerPath("/export"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "POST /admin/customers/:id/anonymize",
          method: "POST",
          // The fixtures' customers are never confirmed (a fuzzed confirmation
          // must be refused and erase nothing); some cases anonymize a customer
          // made for them, with the right confirmation.
          prepare: async (input) => {
            const { [DISPOSABLE_HEADER]: disposable, ...headers } = input.headers ?? {}
            if (!disposable) {
              return { ...input, headers }
            }
            const email = `disposable-${++disposables}@example.com`
            const [customer] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email, first_name: "Dis" }])
            return {
              ...input,
              headers,
              path: `/admin/customers/${customer.id}/anonymize`,
              body: { contentType: "application/json", payload: JSON.stringify({ confirm: email }) },
            }
          },
          settleAfterSuccess: { quietMs: 300 },
          cases: fc.oneof(
            { weight: 9, arbitrary: fc.record({
              path: customerPath("/anonymize"),
              headers: adminAuth,
              body: bodyArb({ confirm: fc.oneof(fc.string({ maxLength: 400 }), fc.constant("someone@example.com")) }),
            }) },
            { weight: 1, arbitrary: adminAuth.map((headers) => ({ path: "", headers: { ...headers, [DISPOSABLE_HEADER]: "1" } })) }
          ),
        },
        {
          name: "GET /admin/customers/:id/mfa",
          method: "GET",
          cases: fc.record({ path: customerPath("/mfa"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "POST /admin/customers/:id/mfa/reset",
          method: "POST",
          // The customer is e-mailed and the timeline records it after the answer.
          afterSuccess: mfaResetsSettled,
          settleAfterSuccess: { quietMs: 300 },
          cases: fc.record({ path: customerPath("/mfa/reset"), headers: adminAuth, body: emptyBody(2) }),
        },
        {
          name: "POST /admin/customers/:id/security/unlock",
          method: "POST",
          cases: fc.record({ path: customerPath("/security/unlock"), headers: adminAuth, body: emptyBody(2) }),
        },
        {
          name: "POST /admin/customers/:id/security/unblock-ip",
          method: "POST",
          cases: fc.record({
            path: customerPath("/security/unblock-ip"),
            headers: adminAuth,
            body: bodyArb(
              // Jane's own attempts come from the test client's address.
              { ip: fc.oneof(fc.constantFrom("::ffff:127.0.0.1", "127.0.0.1", "203.0.113.9"), nastyString) },
              { requiredKeys: ["ip"] }
            ),
          }),
        },
        {
          name: "GET /admin/users/:id/security",
          method: "GET",
          cases: fc.record({ path: userPath("/security"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "POST /admin/users/:id/security/unlock",
          method: "POST",
          cases: fc.record({ path: userPath("/security/unlock"), headers: adminAuth, body: emptyBody(2) }),
        },
        {
          name: "POST /admin/users/:id/security/unblock-ip",
          method: "POST",
          cases: fc.record({
            path: userPath("/security/unblock-ip"),
            headers: adminAuth,
            body: bodyArb(
              // The admin's own login came from the test client's address.
              { ip: fc.oneof(fc.constantFrom("::ffff:127.0.0.1", "127.0.0.1", "203.0.113.9"), nastyString) },
              { requiredKeys: ["ip"] }
            ),
          }),
        },
        {
          name: "GET /admin/customers/:id/sessions",
          method: "GET",
          cases: fc.record({ path: customerPath("/sessions"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "POST /admin/customers/:id/sessions/revoke",
          method: "POST",
          // The timeline records the revocation after the answer.
          settleAfterSuccess: { quietMs: 300 },
          cases: fc.record({ path: customerPath("/sessions/revoke"), headers: adminAuth, body: emptyBody(2) }),
        },
        // Assisted shopping is off in this app (the default): every route answers 404 and writes
        // nothing, which is what these prove; assistance.spec.ts drives the routes switched on.
        {
          name: "GET /admin/customers/:id/assistance",
          // Off in this app: every request is a 404 (the on state is assistance.spec.ts's).
          expectSuccess: false,
          method: "GET",
          cases: fc.record({ path: customerPath("/assistance"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "POST /admin/customers/:id/assistance",
          // Off in this app: every request is a 404 (the on state is assistance.spec.ts's).
          expectSuccess: false,
          method: "POST",
          cases: fc.record({
            path: customerPath("/assistance"),
            headers: adminAuth,
            body: bodyArb({ reason: fc.oneof(fc.constant<Json>("Helping with an order"), nastyScalar) }, { requiredKeys: ["reason"] }),
          }),
        },
        {
          name: "POST /admin/customers/:id/assistance/end",
          // Off in this app: every request is a 404 (the on state is assistance.spec.ts's).
          expectSuccess: false,
          method: "POST",
          cases: fc.record({ path: customerPath("/assistance/end"), headers: adminAuth, body: emptyBody(2) }),
        },
        {
          name: "GET /admin/customer-accounts/assistance-sessions",
          // Off in this app: every request is a 404 (the on state is assistance.spec.ts's).
          expectSuccess: false,
          method: "GET",
          cases: fc.record({ path: fc.constant("/admin/customer-accounts/assistance-sessions"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "GET /admin/users/:id/sessions",
          method: "GET",
          cases: fc.record({ path: userPath("/sessions"), query: queryArb({}), headers: adminAuth }),
        },
        {
          name: "POST /admin/users/:id/sessions/revoke",
          method: "POST",
          // The fuzzing admin's own sessions would end with it: the real id
          // is another Back Office user's, made for the case.
          prepare: async (input) => {
            if (!input.path.includes(admin.user.id)) {
              return input
            }
            const [user] = await container.resolve(Modules.USER).createUsers([{ email: `staff-${++disposables}@example.com` }])
            return { ...input, path: input.path.replace(admin.user.id, user.id) }
          },
          cases: fc.record({ path: userPath("/sessions/revoke"), headers: adminAuth, body: emptyBody(2) }),
        },
        {
          // Core route; the plugin's middleware forgets the group after Medusa deleted it.
          name: "DELETE /admin/customer-groups/:id",
          method: "DELETE",
          // Deleting the real group starts the plugin's cleanup after the answer
          // (later deletes of the same id are no-ops that answer 200 too).
          settleAfterSuccess: { quietMs: 150, when: (input) => !groupDeleted && input.path.endsWith(disposableGroupId) },
          onSuccess: (_response, input) => {
            groupDeleted ||= input.path.endsWith(disposableGroupId)
          },
          cases: fc.record({
            // NUL in this core route's id fails in Medusa's own handler (upstream, see below).
            path: idArb(() => [disposableGroupId], { allowNul: false }).map((id) => `/admin/customer-groups/${id}`),
            headers: adminAuth,
            body: emptyBody(2),
          }),
        },
      ]
      await fuzzRoutes(routes)
    })

    /**
     * A lockout window for the routes that check passwords: unlocks Jane
     * every `every` runs and moves to a fresh client IP, so that the
     * properties see admitted attempts (and successes), lockouts (429) and
     * IP blocks alike, without paying scrypt for every run.
     */
    const lockoutWindows = (every: number) => {
      let runs = 0
      let window = 0
      return async (input: FuzzCase): Promise<FuzzCase> => {
        if (runs++ % every === 0) {
          window += 1
          const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
          await security.lockout.clear("identifier", jane.email)
        }
        const headers = { ...input.headers }
        // A generated X-Forwarded-For is kept: it is part of the input.
        headers["x-forwarded-for"] ??= `10.0.${Math.floor(window / 250)}.${window % 250}`
        return { ...input, headers }
      }
    }

    it("fuzzes the store routes: 2xx or 4xx, error shape, no write on 4xx, no secrets", async () => {
      const { fuzzRoutes } = fuzzer()
      const storeAuth = withAuth(storeHeaders)
      const fieldsQuery = queryArb({
        fields: fc.constantFrom("*shipping_option", "+shipping_option", "shipping_option.*", "id", "*customer"),
      })
      let janePassword = JANE_PASSWORD
      /** Whether a successful change of the current batch stored its new password (see the password route). */
      let batchPasswordStored: boolean | undefined
      const currentPassword = fc.constant(null).map((): Json => janePassword)

      /** Marks a case whose session route keeps Jane's credentials (the header never reaches the server). */
      const KEEP_JANE = "x-fuzz-keep-jane"
      let disposableCustomers = 0
      /**
       * A customer registered for the case: its token replaces Jane's proper
       * one (unless KEEP_JANE), and SESSION in the path becomes its session's id.
       */
      const ownSessionsOfDisposable = async (input: FuzzCase): Promise<FuzzCase> => {
        const { [KEEP_JANE]: keepJane, ...headers } = input.headers ?? {}
        const own = await registerCustomer(api, pk, { email: `sessions-${++disposableCustomers}@example.com`, password: JANE_PASSWORD })
        // Its verification e-mail is written after the answer: not by the case.
        await liveLinkEmailsSettled(knex, own.email)
        const {
          data: { sessions },
        } = await api.get("/store/customers/me/sessions", { headers: { ...pk, authorization: `Bearer ${own.token}` } })
        const proper = headers.authorization === `Bearer ${jane.token}`
        return {
          ...input,
          path: input.path.replace("SESSION", sessions[0].id),
          headers: proper && !keepJane ? { ...headers, authorization: `Bearer ${own.token}` } : headers,
        }
      }

      const routes: FuzzRoute[] = [
        {
          name: "GET /store/customers/me/groups",
          method: "GET",
          cases: fc.record({ path: fc.constant("/store/customers/me/groups"), query: queryArb({}), headers: storeAuth }),
        },
        {
          name: "POST /store/customers/me/password",
          method: "POST",
          prepare: lockoutWindows(100),
          // A wrong current password is a failed login by contract: the attempt
          // log and the lockout counters change, and a lock adds the customer's
          // "account locked" note and e-mail (written by a subscriber).
          fourXxMayWrite: {
            tables: ["login_attempt", "login_throttle", "customer_note", "notification"],
            reason: "failed-login lockout",
          },
          passwordsOf: (input) => fieldsOf(input, "old_password", "new_password"),
          // A batch's requests run in parallel: two changes with the right
          // current password can both succeed, and the one that wrote last
          // holds. The stored hash tells which; a 2xx whose new password no
          // stored hash matches is a finding.
          afterSuccess: async (_response, input) => {
            const candidate = fieldsOf(input, "new_password")[0]
            const [{ password }] = await knex("provider_identity")
              .where({ entity_id: jane.email, provider: "emailpass" })
              .whereNull("deleted_at")
              .select(knex.raw("provider_metadata->>'password' as password"))
            if (typeof candidate === "string" && (await isPasswordReused(candidate, [password]))) {
              janePassword = candidate
              batchPasswordStored = true
            } else {
              batchPasswordStored ??= false
            }
          },
          onSuccess: () => {
            const stored = batchPasswordStored
            batchPasswordStored = undefined
            if (stored === false) {
              throw new Error("a 2xx password change stored none of the batch's new passwords")
            }
          },
          cases: fc.record({
            path: fc.constant("/store/customers/me/password"),
            headers: storeAuth,
            body: bodyArb(
              {
                old_password: fc.oneof({ weight: 1, arbitrary: currentPassword }, { weight: 1, arbitrary: passwordValue }),
                new_password: passwordValue,
              },
              { requiredKeys: ["old_password", "new_password"] }
            ),
          }),
        },
        {
          name: "POST /store/customers/me/email",
          method: "POST",
          prepare: lockoutWindows(20),
          // A wrong password is a failed login by contract (as for the password
          // route); past the cap of new addresses, the 429 counts the address.
          fourXxMayWrite: {
            tables: ["login_attempt", "login_throttle", "customer_note", "notification", "security_counter"],
            reason: "failed-login lockout; the cap of distinct new addresses (issue 22)",
          },
          // A link goes to a free new address after the answer.
          afterSuccess: () => {
            emailChangesAccepted += 1
            return emailChangesSettled()
          },
          settleAfterSuccess: { quietMs: 300 },
          passwordsOf: (input) => fieldsOf(input, "password"),
          cases: fc.record({
            path: fc.constant("/store/customers/me/email"),
            headers: storeAuth,
            body: bodyArb(
              {
                email: fc.oneof(
                  { weight: 2, arbitrary: fc.constant<Json>("jane.new@example.com") },
                  { weight: 3, arbitrary: emailValue([jane.email, "jane.new@example.com"]) }
                ),
                password: fc.oneof({ weight: 3, arbitrary: currentPassword }, { weight: 1, arbitrary: passwordValue }),
              },
              { requiredKeys: ["email", "password"] }
            ),
          }),
        },
        {
          name: "GET /store/customers/me/export",
          method: "GET",
          // Each request counts toward the daily export limit, refused ones too.
          fourXxMayWrite: { tables: ["security_counter"], reason: "export rate limit" },
          settleAfterSuccess: { quietMs: 300 },
          cases: fc.record({ path: fc.constant("/store/customers/me/export"), query: queryArb({}), headers: storeAuth }),
        },
        {
          name: "POST /store/customers/me/anonymize",
          method: "POST",
          // Self-service is off: a right password records a request (the same one each time).
          prepare: lockoutWindows(20),
          fourXxMayWrite: {
            tables: ["login_attempt", "login_throttle", "customer_note", "notification"],
            reason: "failed-login lockout",
          },
          settleAfterSuccess: { quietMs: 300 },
          passwordsOf: (input) => fieldsOf(input, "password"),
          cases: fc.record({
            path: fc.constant("/store/customers/me/anonymize"),
            headers: storeAuth,
            body: bodyArb(
              { password: fc.oneof({ weight: 3, arbitrary: currentPassword }, { weight: 1, arbitrary: passwordValue }) },
              { requiredKeys: ["password"] }
            ),
          }),
        },
        {
          name: "GET /store/customers/me/assistance-consent",
          // Off in this app: every request is a 404 (the on state is assistance.spec.ts's).
          expectSuccess: false,
          method: "GET",
          cases: fc.record({ path: fc.constant("/store/customers/me/assistance-consent"), query: queryArb({}), headers: storeAuth }),
        },
        {
          name: "POST /store/customers/me/assistance-consent",
          // Off in this app: every request is a 404 (the on state is assistance.spec.ts's).
          expectSuccess: false,
          method: "POST",
          cases: fc.record({
            path: fc.constant("/store/customers/me/assistance-consent"),
            headers: storeAuth,
            body: bodyArb({ allow: fc.oneof(fc.boolean(), nastyScalar), hours: nastyNumber }, { requiredKeys: ["allow"] }),
          }),
        },
        {
          name: "GET /store/customers/me/assistance",
          // Off in this app: every request is a 404 (the on state is assistance.spec.ts's).
          expectSuccess: false,
          method: "GET",
          cases: fc.record({ path: fc.constant("/store/customers/me/assistance"), query: queryArb({}), headers: storeAuth }),
        },
        {
          name: "GET /store/customers/me/security",
          method: "GET",
          cases: fc.record({ path: fc.constant("/store/customers/me/security"), query: queryArb({}), headers: storeAuth }),
        },
        {
          name: "GET /store/customers/me/sessions",
          method: "GET",
          cases: fc.record({ path: fc.constant("/store/customers/me/sessions"), query: queryArb({}), headers: storeAuth }),
        },
        {
          // Ends every session of the caller: Jane's own credentials are
          // swapped for a customer's registered for the case.
          name: "DELETE /store/customers/me/sessions",
          method: "DELETE",
          prepare: ownSessionsOfDisposable,
          settleAfterSuccess: { quietMs: 300 },
          cases: fc.record({ path: fc.constant("/store/customers/me/sessions"), headers: storeAuth }),
        },
        {
          // SESSION stands for a session of a customer registered for the case
          // (ended by its own credentials, or a 404 for Jane's).
          name: "DELETE /store/customers/me/sessions/:id",
          method: "DELETE",
          prepare: ownSessionsOfDisposable,
          settleAfterSuccess: { quietMs: 300 },
          cases: fc.record({
            path: idArb(() => ["SESSION"]).map((id) => `/store/customers/me/sessions/${id}`),
            headers: fc.tuple(storeAuth, fc.boolean()).map(([headers, jane]) => (jane ? { ...headers, [KEEP_JANE]: "1" } : headers)),
          }),
        },
        {
          name: "POST /store/customers/me/sessions/revoke-others",
          method: "POST",
          settleAfterSuccess: { quietMs: 300 },
          cases: fc.record({
            path: fc.constant("/store/customers/me/sessions/revoke-others"),
            headers: storeAuth,
            body: bodyArb({}, { shapedWeight: 2 }),
          }),
        },
        {
          name: "GET /store/customers/me/activity",
          method: "GET",
          cases: fc.record({ path: fc.constant("/store/customers/me/activity"), query: activityQuery, headers: storeAuth }),
        },
        {
          name: "GET /store/customers/me/email-verification",
          method: "GET",
          cases: fc.record({ path: fc.constant("/store/customers/me/email-verification"), query: queryArb({}), headers: storeAuth }),
        },
        {
          name: "GET /store/customers/me/preferences",
          method: "GET",
          cases: fc.record({ path: fc.constant("/store/customers/me/preferences"), query: fieldsQuery, headers: storeAuth }),
        },
        {
          name: "POST /store/customers/me/preferences",
          method: "POST",
          cases: fc.record({
            path: fc.constant("/store/customers/me/preferences"),
            query: fieldsQuery,
            headers: storeAuth,
            body: bodyArb(preferencesFields([janeAddressId], [guestAddressId])),
          }),
        },
        {
          name: "GET /store/password-policy",
          method: "GET",
          cases: fc.record({
            path: fc.constant("/store/password-policy"),
            query: queryArb({}),
            headers: withAuth(() => pk),
          }),
        },
        {
          name: "POST /store/email-verification",
          method: "POST",
          // 201 for every address; a fresh link is requested and e-mailed
          // in the background for a customer account's address.
          settleAfterSuccess: { quietMs: 300 },
          cases: fc.record({
            path: fc.constant("/store/email-verification"),
            headers: withAuth(() => pk),
            body: bodyArb({ email: emailValue([jane.email]) }, { requiredKeys: ["email"] }),
          }),
        },
        {
          name: "POST /store/password-strength",
          method: "POST",
          passwordsOf: (input) => fieldsOf(input, "password"),
          fourXxMayWrite: {
            tables: ["security_counter"],
            reason: "the meter's budget per IP counts every call it scores, and a 429 past it (issue 22)",
          },
          cases: fc.record({
            path: fc.constant("/store/password-strength"),
            headers: withAuth(() => pk),
            body: bodyArb(
              {
                password: passwordValue,
                email: emailValue([jane.email]),
                first_name: mostly(fc.constantFrom<Json>("Jane", null, "J")),
                last_name: mostly(fc.constantFrom<Json>("Doe", null)),
              },
              { requiredKeys: ["password"] }
            ),
          }),
        },
      ]
      await fuzzRoutes(routes)
    })

    it("fuzzes the plugin's guards on Medusa's auth routes: 2xx or 4xx, error shape, no write on 4xx, no secrets", async () => {
      const { fuzzRoutes } = fuzzer()
      const authModule = container.resolve(Modules.AUTH)
      const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
      const secret = http.jwtSecret as string
      const emailAndPassword = bodyArb(
        { email: emailValue([jane.email]), password: rarelyStrongPassword },
        { requiredKeys: ["email", "password"] }
      )
      const passwordsOf = (input: FuzzCase) => fieldsOf(input, "password")
      /** Jane's password as of now: a completed reset changes it. */
      let janePassword = JANE_PASSWORD
      /** Whether a successful change of the current batch stored its new password (see the password route). */
      let batchPasswordStored: boolean | undefined
      /** Headers a browser or a proxy may send; here hostile ones now and then. */
      const clientHeaders = fc.oneof(
        { weight: 8, arbitrary: fc.constant({} as Record<string, string>) },
        { weight: 1, arbitrary: headerValue.map((value) => ({ "x-forwarded-for": value })) },
        { weight: 1, arbitrary: headerValue.map((value) => ({ "user-agent": value })) }
      )

      /** How `/update` is called: mostly with a fresh reset token, else with tokens it must refuse. */
      const resetAuth = fc.constantFrom(
        "reset",
        "reset",
        "reset",
        "reset",
        "session",
        "none",
        "garbage",
        "forged",
        "unknown-entity",
        "no-jti",
        "expired"
      )
      const RESET_AUTH_HEADER = "x-fuzz-reset-auth"
      const mintToken = async (variant: string): Promise<string | undefined> => {
        const claims = { entity_id: jane.email, provider: "emailpass", actor_type: "customer", purpose: "reset" }
        switch (variant) {
          case "reset": {
            // What Medusa's generateResetPasswordTokenWorkflow does, without its e-mail.
            const { jti } = await authModule.createPasswordResetToken({ entity_id: jane.email, provider: "emailpass" })
            const token = generateJwtToken(claims, { secret, expiresIn: "900s", jwtOptions: { jwtid: jti } })
            mintedTokens.push(token)
            return token
          }
          case "session":
            return jane.token
          case "garbage":
            return "garbage.token.here"
          case "forged":
            return generateJwtToken(claims, { secret: "not-the-secret", expiresIn: "900s", jwtOptions: { jwtid: "x" } })
          case "unknown-entity":
            return generateJwtToken({ ...claims, entity_id: "nobody@example.com" }, { secret, expiresIn: "900s", jwtOptions: { jwtid: "x" } })
          case "no-jti":
            return generateJwtToken(claims, { secret, expiresIn: "900s" })
          case "expired":
            return generateJwtToken(claims, { secret, expiresIn: -60, jwtOptions: { jwtid: "x" } })
          default:
            return undefined
        }
      }

      const routes: FuzzRoute[] = [
        {
          name: "POST /auth/customer/assistance",
          // Off in this app: every request is a 404 (the on state is assistance.spec.ts's).
          expectSuccess: false,
          method: "POST",
          cases: fc.record({
            path: fc.constant("/auth/customer/assistance"),
            headers: clientHeaders,
            body: bodyArb({ code: fc.oneof(fc.constant<Json>("not-a-code"), nastyScalar) }, { requiredKeys: ["code"] }),
          }),
        },
        {
          name: "POST /auth/customer/emailpass/reset-password",
          method: "POST",
          // The plugin answers first, then (in the background) Medusa issues
          // the token and the plugin's subscriber e-mails the link.
          settleAfterSuccess: { quietMs: 300 },
          afterSuccess: resetEmailsSent,
          cases: fc.record({
            path: fc.constant("/auth/customer/emailpass/reset-password"),
            headers: clientHeaders,
            body: bodyArb(
              {
                identifier: emailValue([jane.email]),
                metadata: fc.oneof(fc.constant(obj({})), jsonValue(["requested_by"])),
              },
              { requiredKeys: ["identifier"] }
            ),
          }),
        },
        {
          name: "POST /auth/customer/emailpass/register",
          method: "POST",
          // For an e-mail whose identity exists without an actor the provider
          // checks the password: a login, counted and logged by the lockout.
          fourXxMayWrite: {
            tables: ["login_attempt", "login_throttle", "customer_note", "notification"],
            reason: "a registration that checks an existing identity's password is a login attempt",
          },
          settleAfterSuccess: {},
          passwordsOf,
          cases: fc.record({
            path: fc.constant("/auth/customer/emailpass/register"),
            headers: clientHeaders,
            body: emailAndPassword,
          }),
        },
        {
          name: "POST /auth/customer/emailpass/update",
          method: "POST",
          // Minting a reset token voids Jane's previous one: one request at a time.
          batch: 1,
          // History and the lock release are written once the answer was sent.
          settleAfterSuccess: {},
          passwordsOf,
          onSuccess: (_response, input) => {
            janePassword = fieldsOf(input, "password")[0] as string
          },
          prepare: async (input) => {
            const { [RESET_AUTH_HEADER]: variant, ...headers } = input.headers ?? {}
            const token = await mintToken(variant)
            return { ...input, headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers }
          },
          cases: fc.record({
            path: fc.constant("/auth/customer/emailpass/update"),
            headers: resetAuth.map((variant) => ({ [RESET_AUTH_HEADER]: variant })),
            body: bodyArb({ password: rarelyStrongPassword }, { requiredKeys: ["password"] }),
          }),
        },
        {
          name: "POST /auth/customer/emailpass",
          method: "POST",
          prepare: lockoutWindows(100),
          // The lockout contract: every attempt is logged and counted, and a
          // lock adds the customer's "account locked" note and e-mail.
          fourXxMayWrite: {
            tables: ["login_attempt", "login_throttle", "customer_note", "notification"],
            reason: "failed-login lockout",
          },
          passwordsOf,
          cases: fc.record({
            path: fc.constant("/auth/customer/emailpass"),
            headers: clientHeaders,
            body: bodyArb(
              {
                email: fc.oneof({ weight: 1, arbitrary: fc.constant(jane.email) }, { weight: 1, arbitrary: emailValue([jane.email]) }),
                password: fc.oneof(
                  { weight: 1, arbitrary: fc.constant(null).map((): Json => janePassword) },
                  { weight: 1, arbitrary: passwordValue }
                ),
              },
              { requiredKeys: ["email", "password"] }
            ),
          }),
        },
      ]
      await fuzzRoutes(routes)
    })

    it("fuzzes additional_data.preferences on Medusa's customer routes: 2xx or 4xx, nothing written on 4xx", async () => {
      const { fuzzRoutes } = fuzzer()
      const adminAuth = withAuth(adminHeaders)
      // Medusa's own fields get plausible values, and `additional_data` no
      // `toString` keys or deep nesting: this property is about the plugin's
      // hooks, and such values meet Medusa's own validator first (see "known
      // upstream issues" below).
      const customerFields = {
        first_name: fc.string({ maxLength: 30 }),
        last_name: fc.string({ maxLength: 30 }),
        company_name: fc.oneof(fc.constant<Json>(null), fc.string({ maxLength: 30 })),
      }
      const additionalData = (own: string[], other: string[]) =>
        fc.oneof(
          {
            weight: 4,
            arbitrary: shapedObject(
              {
                preferences: shapedObject(preferencesFields(own, other, { conversionKeys: false }), {
                  conversionKeys: false,
                }),
              },
              { conversionKeys: false }
            ),
          },
          { weight: 1, arbitrary: jsonValue(["preferences"], { conversionKeys: false }) }
        )
      const coreBody = (fields: Record<string, fc.Arbitrary<Json>>) =>
        fc.record(fields).map((values) => json(obj(values)))

      // What the fuzzing found first: a refused preference used to be refused
      // only after Medusa had updated the customer, and Medusa's rollback then
      // set the customer's e-mail to null.
      const refused = await client.request({
        method: "POST",
        path: `/admin/customers/${jane.customer.id}`,
        headers: adminHeaders(),
        body: json(obj({ first_name: "Changed", additional_data: obj({ preferences: obj({ default_shipping_address_id: guestAddressId }) }) })),
      })
      expect(refused.status).toEqual(400)
      const [stored] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: jane.customer.id })
      expect(stored).toEqual(expect.objectContaining({ email: jane.email, first_name: "Jane" }))

      const routes: FuzzRoute[] = [
        {
          name: "POST /admin/customers (additional_data)",
          method: "POST",
          // customer.created runs the group rules (a subscriber) after the
          // answer; only the seeded rule (e-mails at example.com) adds anyone.
          settleAfterSuccess: { when: (input) => (input.body?.payload ?? "").includes("@example.com") },
          cases: fc.record({
            path: fc.constant("/admin/customers"),
            headers: adminAuth,
            body: coreBody({
              ...customerFields,
              // Medusa's own e-mail check is stricter than RFC 5322 (fc.emailAddress()).
              email: plainEmail,
              // A new customer has no address yet: every address id is someone else's.
              additional_data: additionalData([], [janeAddressId, guestAddressId]),
            }),
          }),
        },
        {
          name: "POST /admin/customers/:id (additional_data)",
          method: "POST",
          settleAfterSuccess: {},
          cases: customerWithAddresses().chain(({ id, own, other }) =>
            fc.record({
              // NUL in this core route's id fails in Medusa's own handler (upstream, see below).
              path: idArb(() => [id], { allowNul: false }).map((segment) => `/admin/customers/${segment}`),
              headers: adminAuth,
              body: coreBody({ ...customerFields, additional_data: additionalData(own, other) }),
            })
          ),
        },
      ]
      await fuzzRoutes(routes)
    })

    it("refuses other actors' tokens on every plugin route and writes nothing", async () => {
      const { fuzzRoutes } = fuzzer()
      const customerBearer = { ...pk, authorization: `Bearer ${jane.token}` }
      const adminBearer = { ...pk, authorization: `Bearer ${admin.token}` }
      const janeId = jane.customer.id
      const [groupId] = groupIds
      const noteId = noteIds[0]
      /** [method, path]: every admin route of the plugin. */
      const adminRoutes: [FuzzCase["method"], string][] = [
        ["GET", "/admin/customer-accounts/password-policy"],
        ["GET", "/admin/customer-accounts/security-settings"],
        ["GET", "/admin/customer-accounts/settings"],
        ["POST", "/admin/customer-accounts/settings"],
        ["GET", `/admin/customer-groups/${groupId}/rules`],
        ["POST", `/admin/customer-groups/${groupId}/rules`],
        ["POST", `/admin/customer-groups/${groupId}/rules/evaluate`],
        ["GET", `/admin/customers/${janeId}/group-memberships`],
        ["GET", `/admin/customers/${janeId}/notes`],
        ["POST", `/admin/customers/${janeId}/notes`],
        ["GET", `/admin/customers/${janeId}/notes/${noteId}`],
        ["POST", `/admin/customers/${janeId}/notes/${noteId}`],
        ["DELETE", `/admin/customers/${janeId}/notes/${noteId}`],
        ["POST", `/admin/customers/${janeId}/password-reset`],
        ["POST", `/admin/customers/${janeId}/password-strength`],
        ["POST", `/admin/customers/${janeId}/password`],
        ["GET", `/admin/customers/${janeId}/preferences`],
        ["POST", `/admin/customers/${janeId}/preferences`],
        ["GET", `/admin/customers/${janeId}/security`],
        ["POST", `/admin/customers/${janeId}/security/unlock`],
      ]
      /** The store routes that act for the logged-in customer. */
      const storeMeRoutes: [FuzzCase["method"], string][] = [
        ["GET", "/store/customers/me/groups"],
        ["POST", "/store/customers/me/password"],
        ["GET", "/store/customers/me/preferences"],
        ["POST", "/store/customers/me/preferences"],
      ]
      const validBodies: Record<string, Json> = {
        settings: obj({ default_group_ids: [groupId] }),
        rules: obj({ rules: [] }),
        notes: obj({ body: "Sneaky note", pinned: true }),
        password: obj({ password: STRONG_PASSWORDS[0] }),
        preferences: obj({ locale: "de-DE" }),
        me_password: obj({ old_password: JANE_PASSWORD, new_password: STRONG_PASSWORDS[1] }),
      }
      const bodyFor = (path: string): Json => {
        if (path.endsWith("/settings")) return validBodies.settings
        if (path.endsWith("/rules")) return validBodies.rules
        if (/\/notes(\/[^/]+)?$/.test(path)) return validBodies.notes
        if (path.endsWith("/me/password")) return validBodies.me_password
        if (path.endsWith("/password") || path.endsWith("/password-strength")) return validBodies.password
        if (path.endsWith("/preferences")) return validBodies.preferences
        return obj({})
      }
      // Well-formed JSON only: Medusa parses the body before it authenticates,
      // so a malformed or oversized one is refused (400, 413) before any token
      // is looked at.
      const tree = jsonTree()
      const anyJson = fc
        .oneof(tree.object, tree.array)
        .map(json)
        .filter((body) => (body.payload ?? "").length < 50_000)
      const asCase = ([method, path]: [FuzzCase["method"], string], headers: Record<string, string>) =>
        fc
          .oneof({ weight: 2, arbitrary: fc.constant(json(bodyFor(path))) }, { weight: 1, arbitrary: anyJson })
          .map((body): FuzzCase => ({ method, path, headers, ...(method === "GET" ? {} : { body }) }))

      const countsBefore = await rowCounts(knex)
      await fuzzRoutes([
        {
          name: "customer token on admin routes",
          method: "GET",
          expectSuccess: false,
          check: (response) => (response.status === 401 ? undefined : "expected 401"),
          cases: fc.oneof(
            ...adminRoutes.map((route) => asCase(route, customerBearer)),
            ...adminRoutes.map((route) => asCase(route, {}))
          ),
        },
        {
          name: "admin token on the store's customer routes",
          method: "GET",
          expectSuccess: false,
          check: (response) => (response.status === 401 ? undefined : "expected 401"),
          cases: fc.oneof(...storeMeRoutes.map((route) => asCase(route, adminBearer))),
        },
      ])
      expect(await rowCounts(knex)).toEqual(countsBefore)
    })

    /**
     * Inputs the generators leave out, because Medusa itself answers them with
     * a 500 before or around the plugin's code: shown here on Medusa's own
     * routes. When one of these starts failing, Medusa fixed it: add the input
     * back to the generators (fuzz-arbitraries.ts) and drop it here.
     */
    it("known upstream issues (Medusa 2.21.2): still answered with a 500 by Medusa's own routes", async () => {
      const send = (method: string, path: string, payload?: string) =>
        client.request({
          method,
          path,
          headers: adminHeaders(),
          body: payload === undefined ? undefined : { contentType: "application/json", payload },
        })
      // Express cannot decode the param and flags the error with status 400,
      // which Medusa's error handler does not read.
      for (const segment of MALFORMED_PERCENT_SEGMENTS) {
        expect((await send("GET", `/admin/customers/${segment}`)).status).toEqual(500)
      }
      // NUL reaches PostgreSQL, which cannot store or compare it in text.
      expect((await send("GET", "/admin/customers/cus_x%00")).status).toEqual(500)
      expect((await send("DELETE", "/admin/customer-groups/cusgroup_x%00")).status).toEqual(500)
      // Medusa's query validator throws `invalid_argument` (a 500) on keys of
      // more than two levels.
      expect((await send("GET", "/admin/customers?a.b.c=1")).status).toEqual(500)
      // Medusa's validator prints the received value into its message, and a
      // value whose own `toString` is not a function cannot be printed.
      expect((await send("POST", "/admin/customer-groups", '{"name":[{"toString":1}]}')).status).toEqual(500)
    })

    /**
     * Why the plugin checks `additional_data.preferences` before Medusa's
     * customer update runs: when a `customersUpdated` hook fails, Medusa's
     * compensation writes back only the fields the update named and sets the
     * e-mail (and phone, metadata) to null. Shown by running the workflow
     * itself, past the plugin's HTTP check.
     */
    it("known upstream issue (Medusa 2.21.2): a failed customersUpdated hook nulls the customer's e-mail", async () => {
      const { errors } = await updateCustomersWorkflow(container).run({
        input: {
          selector: { id: jane.customer.id },
          update: { first_name: "Changed" },
          additional_data: { preferences: { default_shipping_address_id: guestAddressId } },
        },
        throwOnError: false,
      })
      expect(errors).toHaveLength(1)
      const [stored] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: jane.customer.id })
      expect(stored).toEqual(expect.objectContaining({ first_name: "Jane", email: null }))
    })
  },
})
