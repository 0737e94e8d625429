import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ACCOUNT_SECURITY_MODULE } from "../../src/modules/account-security"
import type AccountSecurityModuleService from "../../src/modules/account-security/service"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../src/modules/customer-accounts"
import type CustomerAccountsModuleService from "../../src/modules/customer-accounts/service"
import { createAdmin, createPublishableKey, registerCustomer, send, type TestAdmin, type TestCustomer } from "./helpers/auth"
import { backgroundSettled, eventually } from "./helpers/events"
import { clearOutbox, sentMessages, waitForMessages } from "./helpers/outbox"
import { findPersonalData } from "./helpers/personal-data"

jest.setTimeout(240 * 1000)

const PASSWORD = "a long and unusual passphrase 42"
// Values found nowhere else in a test database, so a search for them is exact.
const PERSON = {
  email: "zyxwina.quorblat@example.com",
  first_name: "Zyxwina",
  last_name: "Quorblat",
  phone: "+49 555 918273",
  company_name: "Quorblatwerke",
}
const STREET = "Zyxstrasse 7"
const IP_FAILED = "203.0.113.57"
const IP_OK = "198.51.100.23"
const BROWSER = "ZyxBrowser/9.1"
/** An address change the person asked for and never confirmed. */
const PENDING_EMAIL = "zyxwina.neu@example.net"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let knex: Knex
    let pk: Record<string, string>
    let admin: TestAdmin
    let zyx: TestCustomer
    let bob: TestCustomer
    let orderId: string

    const from = (ip: string) => ({ headers: { "x-forwarded-for": ip, "user-agent": BROWSER } })
    const needles = [
      PERSON.email,
      PERSON.first_name,
      PERSON.last_name,
      PERSON.phone,
      PERSON.company_name,
      STREET,
      IP_FAILED,
      IP_OK,
      BROWSER,
      PENDING_EMAIL,
    ]

    /** A customer with everything the shop can hold: address, note, preferences, logins, an order, e-mails. */
    const seedPerson = async () => {
      zyx = await registerCustomer(api, pk, { email: PERSON.email, password: PASSWORD, first_name: PERSON.first_name, last_name: PERSON.last_name })
      await api.post("/store/customers/me", { phone: PERSON.phone, company_name: PERSON.company_name }, zyx)
      await api.post(
        "/store/customers/me/addresses",
        { first_name: PERSON.first_name, last_name: PERSON.last_name, address_1: STREET, city: "Berlin", country_code: "de", phone: PERSON.phone },
        zyx
      )
      await api.post("/store/customers/me/preferences", { communication: { email_marketing: true } }, zyx)
      await api.post(`/admin/customers/${zyx.customer.id}/notes`, { body: `Called ${PERSON.first_name} about ${STREET}` }, admin)
      expect((await send(api.post("/auth/customer/emailpass", { email: PERSON.email, password: "wrong guess" }, from(IP_FAILED)))).status).toEqual(401)
      expect((await send(api.post("/auth/customer/emailpass", { email: PERSON.email, password: PASSWORD }, from(IP_OK)))).status).toEqual(200)
      await api.post(`/admin/customers/${zyx.customer.id}/password-reset`, {}, admin)
      expect((await send(api.post("/store/customers/me/email", { email: PENDING_EMAIL, password: PASSWORD }, zyx))).status).toEqual(202)
      await waitForMessages(PENDING_EMAIL, "customer-email-verification")
      const order = await container.resolve(Modules.ORDER).createOrders({
        currency_code: "eur",
        customer_id: zyx.customer.id,
        email: PERSON.email,
        items: [{ title: "Thing", quantity: 1, unit_price: 25 }],
        shipping_address: { first_name: PERSON.first_name, last_name: PERSON.last_name, address_1: STREET, phone: PERSON.phone },
      })
      orderId = order.id
      await waitForMessages(PERSON.email, "customer-password-reset")
      await eventually(async () => {
        const { data } = await api.get(`/admin/customers/${zyx.customer.id}/activity?limit=100`, admin)
        const types = data.activities.map((entry: { type: string }) => entry.type)
        return types.includes("login.failed") && types.includes("note.created") && types.includes("password.reset_requested")
      }, { timeoutMs: 10_000 })
    }

    beforeEach(async () => {
      container = getContainer()
      knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      clearOutbox()
      pk = await createPublishableKey(container)
      admin = await createAdmin(api, container)
      bob = await registerCustomer(api, pk, { email: "bob@example.com", password: PASSWORD })
      await seedPerson()
    })

    describe("export", () => {
      it("hands the admin and the customer everything the shop holds, as a versioned JSON file, and records it", async () => {
        const { data, headers } = await api.get(`/admin/customers/${zyx.customer.id}/export`, admin)
        expect(headers["content-disposition"]).toEqual(`attachment; filename="customer-${zyx.customer.id}-export.json"`)
        expect(data).toMatchObject({
          export_version: 1,
          exported_at: expect.any(String),
          customer: { id: zyx.customer.id, ...PERSON, has_account: true },
          addresses: [expect.objectContaining({ address_1: STREET, phone: PERSON.phone })],
          orders: [expect.objectContaining({ id: orderId, email: PERSON.email })],
          account: { logins: [{ provider: "emailpass", entity_id: PERSON.email }] },
          preferences: expect.objectContaining({ communication: expect.objectContaining({ email_marketing: true }) }),
          notes: [expect.objectContaining({ body: `Called ${PERSON.first_name} about ${STREET}` })],
          truncated: { notes: false, login_attempts: false, activity: false },
        })
        expect(data.login_attempts.map((attempt: { outcome: string; ip: string }) => [attempt.outcome, attempt.ip])).toEqual(
          expect.arrayContaining([["failure", IP_FAILED], ["success", IP_OK]])
        )
        expect(data.activity.length).toBeGreaterThan(3)
        // Never a secret: no password hash, token or MFA secret.
        const text = JSON.stringify(data)
        expect(text).not.toMatch(/scrypt|provider_metadata|token_hash|code_hash|"hash"|"secret"/i)
        expect(text).not.toContain(PASSWORD)
        // Staff notes are the person's data (art. 15); who on the staff wrote them is not.
        expect(data.notes).toEqual([expect.objectContaining({ author: "staff" })])
        expect(text).not.toContain(admin.user.id)
        expect(text).not.toContain("author_id")

        const own = await api.get("/store/customers/me/export", zyx)
        expect(own.data.customer.id).toEqual(zyx.customer.id)
        expect(own.data.notes).toHaveLength(1)
        const entries = await eventually(async () => {
          const { data: timeline } = await api.get(`/admin/customers/${zyx.customer.id}/activity?kind=security&limit=100`, admin)
          const found = timeline.activities.filter((entry: { type: string }) => entry.type === "account.exported")
          return found.length === 2 ? found : null
        })
        expect(entries.map((entry: { data: Record<string, unknown> }) => entry.data.requested_by).sort()).toEqual(["admin", "customer"])
      })

      it("leaves notes and their timeline entries out with privacy.exportIncludesNotes off", async () => {
        // The option as the module holds it, switched for this test only.
        const { privacy } = container.resolve<CustomerAccountsModuleService>(CUSTOMER_ACCOUNTS_MODULE).getPrivacyOptions()
        privacy.exportIncludesNotes = false
        try {
          const own = await api.get("/store/customers/me/export", zyx)
          expect(own.data.notes).toEqual([])
          expect(own.data.activity.filter((entry: { kind: string }) => entry.kind === "notes")).toEqual([])
          expect(JSON.stringify(own.data)).not.toContain(`Called ${PERSON.first_name}`)
        } finally {
          privacy.exportIncludesNotes = true
        }
        const own = await api.get("/store/customers/me/export", zyx)
        expect(own.data.activity.filter((entry: { kind: string }) => entry.kind === "notes").length).toBeGreaterThan(0)
      })

      it("gives a customer only their own data, at most three times a day, and nothing without a session", async () => {
        const own = await api.get("/store/customers/me/export", bob)
        expect(own.data.customer.email).toEqual("bob@example.com")
        expect(JSON.stringify(own.data)).not.toContain(PERSON.first_name)
        await api.get("/store/customers/me/export", bob)
        await api.get("/store/customers/me/export", bob)
        const fourth = await send(api.get("/store/customers/me/export", bob))
        expect(fourth.status).toEqual(429)
        expect(Number(fourth.headers["retry-after"])).toBeGreaterThan(86_400 - 60)
        expect(Number(fourth.headers["retry-after"])).toBeLessThanOrEqual(86_400)
        // Retry-After is the time left in the day that began with the first
        // export, not a whole day from each refusal.
        const security: AccountSecurityModuleService = getContainer().resolve(ACCOUNT_SECURITY_MODULE)
        security.setClock({ now: () => new Date(Date.now() + 20 * 3600 * 1000) })
        try {
          const later = await send(api.get("/store/customers/me/export", bob))
          expect(later.status).toEqual(429)
          expect(Number(later.headers["retry-after"])).toBeGreaterThan(4 * 3600 - 60)
          expect(Number(later.headers["retry-after"])).toBeLessThanOrEqual(4 * 3600)
        } finally {
          security.setClock({ now: () => new Date() })
        }
        // Zyx's budget is her own.
        expect((await send(api.get("/store/customers/me/export", zyx))).status).toEqual(200)
        expect((await send(api.get("/store/customers/me/export", { headers: pk }))).status).toEqual(401)
        expect((await send(api.get(`/admin/customers/${zyx.customer.id}/export`, zyx))).status).toEqual(401)
        expect((await send(api.get("/admin/customers/cus_missing/export", admin))).status).toEqual(404)
      })
    })

    describe("anonymize", () => {
      it("erases the person from every table but the orders, ends every way in, keeps the order and records it", async () => {
        expect((await api.get(`/admin/customers/${zyx.customer.id}/privacy`, admin)).data.privacy).toEqual({
          customer_id: zyx.customer.id,
          status: "active",
          requested_at: null,
          erasure_started_at: null,
          erasure_running: false,
          anonymized_at: null,
          email: PERSON.email,
        })
        // The person is everywhere now, as the search below would see it.
        expect((await findPersonalData(knex, needles)).length).toBeGreaterThan(5)

        const done = await api.post(`/admin/customers/${zyx.customer.id}/anonymize`, { confirm: ` ${PERSON.email.toUpperCase()} ` }, admin)
        expect(done.data).toEqual({ customer_id: zyx.customer.id, anonymized_at: expect.any(String) })
        const entry = await eventually(async () => {
          const { data } = await api.get(`/admin/customers/${zyx.customer.id}/activity?limit=100`, admin)
          return data.activities.find((found: { type: string }) => found.type === "account.anonymized")
        })
        expect(entry).toMatchObject({ actor: { type: "user", id: admin.user.id }, data: {}, ip: null, user_agent: null })

        // Orders stay for accounting (`anonymize.orders: "keep"`): their tables are the only place left.
        const left = await findPersonalData(knex, needles, { except: [/^order/] })
        expect(left).toEqual([])
        const [order] = await container.resolve(Modules.ORDER).listOrders({ id: orderId })
        expect(order).toMatchObject({ id: orderId, customer_id: zyx.customer.id, email: PERSON.email })

        // No way in: password, reset, the old session's account data.
        expect((await send(api.post("/auth/customer/emailpass", { email: PERSON.email, password: PASSWORD }))).status).toEqual(401)
        clearOutbox()
        expect((await send(api.post("/auth/customer/emailpass/reset-password", { identifier: PERSON.email }))).status).toEqual(201)
        await backgroundSettled()
        expect(sentMessages(PERSON.email)).toEqual([])
        const { data: customer } = await api.get(`/admin/customers/${zyx.customer.id}?fields=*addresses`, admin)
        expect(customer.customer).toMatchObject({
          email: `anonymized+${zyx.customer.id.toLowerCase()}@anonymized.invalid`,
          first_name: null,
          last_name: null,
          phone: null,
          company_name: null,
          addresses: [],
        })
        expect((await api.get(`/admin/customers/${zyx.customer.id}/privacy`, admin)).data.privacy).toMatchObject({
          status: "anonymized",
          anonymized_at: expect.any(String),
          email: null,
        })
        // Bob is untouched.
        expect((await send(api.post("/auth/customer/emailpass", { email: bob.email, password: PASSWORD }))).status).toEqual(200)
        // Once is enough.
        const again = await send(api.post(`/admin/customers/${zyx.customer.id}/anonymize`, { confirm: "anything" }, admin))
        expect([again.status, again.data.message]).toEqual([400, "This customer was anonymized already"])
      })

      it.each([
        ["no confirmation", {}, /confirm/],
        ["another customer's e-mail", { confirm: "bob@example.com" }, /must be the customer's e-mail/],
        ["a confirmation over 320 characters", { confirm: `${"a".repeat(330)}@example.com` }, /320/],
        ["an unknown field", { confirm: PERSON.email, orders: "redact" }, /orders/],
      ])("refuses %s with 400 and erases nothing", async (_, body, message) => {
        const before = await findPersonalData(knex, needles)
        const refused = await send(api.post(`/admin/customers/${zyx.customer.id}/anonymize`, body, admin))
        expect(refused.status).toEqual(400)
        expect(refused.data.message).toMatch(message)
        expect(await findPersonalData(knex, needles)).toEqual(before)
      })

      it("refuses customers' tokens and unknown customers", async () => {
        expect((await send(api.post(`/admin/customers/${zyx.customer.id}/anonymize`, { confirm: PERSON.email }, zyx))).status).toEqual(401)
        expect((await send(api.post("/admin/customers/cus_missing/anonymize", { confirm: PERSON.email }, admin))).status).toEqual(404)
        expect((await api.get(`/admin/customers/${zyx.customer.id}/privacy`, admin)).data.privacy.status).toEqual("active")
      })

      it("records a customer's request with their password (an admin confirms), and refuses a wrong one as a failed login", async () => {
        const wrong = await send(api.post("/store/customers/me/anonymize", { password: "not it" }, zyx))
        expect([wrong.status, wrong.data.message]).toEqual([401, "Invalid email or password"])
        expect((await api.get(`/admin/customers/${zyx.customer.id}/privacy`, admin)).data.privacy.status).toEqual("active")
        // The lock row is the identity's (issue 21), found from the e-mail as the admin views find it.
        const key = await container.resolve<AccountSecurityModuleService>(ACCOUNT_SECURITY_MODULE).lockout.keyOf(PERSON.email)
        await eventually(async () => {
          const [row] = await knex("login_throttle").where({ scope: "identifier", key })
          return row && row.attempts >= 1
        })

        const asked = await api.post("/store/customers/me/anonymize", { password: PASSWORD }, zyx)
        expect([asked.status, asked.data]).toEqual([202, { anonymization: { status: "requested", requested_at: expect.any(String) } }])
        const again = await api.post("/store/customers/me/anonymize", { password: PASSWORD }, zyx)
        expect(again.data).toEqual(asked.data)
        expect((await api.get(`/admin/customers/${zyx.customer.id}/privacy`, admin)).data.privacy).toMatchObject({
          status: "requested",
          requested_at: asked.data.anonymization.requested_at,
          email: PERSON.email,
        })
        // The admin finds it in the list of waiting requests.
        const { data: waiting } = await api.get("/admin/customer-accounts/erasure-requests", admin)
        expect(waiting).toEqual({
          erasure_requests: [
            {
              customer_id: zyx.customer.id,
              status: "requested",
              email: PERSON.email,
              first_name: PERSON.first_name,
              last_name: PERSON.last_name,
              requested_at: asked.data.anonymization.requested_at,
              erasure_started_at: null,
              erasure_running: false,
            },
          ],
          count: 1,
        })
        expect((await send(api.get("/admin/customer-accounts/erasure-requests", zyx))).status).toEqual(401)
        // Nothing is erased until the admin confirms.
        expect((await send(api.post("/auth/customer/emailpass", { email: PERSON.email, password: PASSWORD }))).status).toEqual(200)
        await api.post(`/admin/customers/${zyx.customer.id}/anonymize`, { confirm: PERSON.email }, admin)
        expect((await api.get(`/admin/customers/${zyx.customer.id}/privacy`, admin)).data.privacy).toMatchObject({
          status: "anonymized",
          requested_at: asked.data.anonymization.requested_at,
        })
        expect(await findPersonalData(knex, needles, { except: [/^order/] })).toEqual([])
        expect((await api.get("/admin/customer-accounts/erasure-requests", admin)).data).toEqual({ erasure_requests: [], count: 0 })
        const { data } = await api.get(`/admin/customers/${zyx.customer.id}/activity?limit=100`, admin)
        expect(data.activities.map((found: { type: string }) => found.type)).toEqual(
          expect.arrayContaining(["account.anonymization_requested", "account.anonymized"])
        )
      })

      it("lets one of several admins confirming at once anonymize, once: the others get 409 or 400", async () => {
        await api.post("/store/customers/me/anonymize", { password: PASSWORD }, zyx)
        const answers = await Promise.all(
          [1, 2, 3].map(() => send(api.post(`/admin/customers/${zyx.customer.id}/anonymize`, { confirm: PERSON.email }, admin)))
        )
        expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1)
        // 409 while the winner runs (Medusa words every conflict the same), 400 once it finished.
        for (const refused of answers.filter((answer) => answer.status !== 200)) {
          expect([[409, "conflict"], [400, "This customer was anonymized already"]]).toContainEqual([
            refused.status,
            refused.status === 409 ? refused.data.type : refused.data.message,
          ])
        }
        expect(await knex("customer_privacy_request").where({ customer_id: zyx.customer.id })).toEqual([
          expect.objectContaining({ status: "completed", claimed_at: null, completed_by: admin.user.id }),
        ])
        // One erasure, one record of it on the timeline.
        await eventually(async () => {
          const { data } = await api.get(`/admin/customers/${zyx.customer.id}/activity?limit=100`, admin)
          return data.activities.some((found: { type: string }) => found.type === "account.anonymized")
        })
        await new Promise((resolve) => setTimeout(resolve, 1000))
        const { data } = await api.get(`/admin/customers/${zyx.customer.id}/activity?limit=100`, admin)
        expect(data.activities.filter((found: { type: string }) => found.type === "account.anonymized")).toHaveLength(1)
      })

      it("reads 'erasing' after a run that failed half-way, never active or anonymized, and a second run finishes it", async () => {
        // The database refuses to delete logins, as a failure after the notes were erased.
        await knex.raw(`create function cam_test_refuse_delete() returns trigger language plpgsql as $$
          begin raise exception 'the disk is full (test)'; end $$`)
        await knex.raw(`create trigger cam_test_refuse_delete before delete on auth_identity for each row execute function cam_test_refuse_delete()`)
        try {
          const failed = await send(api.post(`/admin/customers/${zyx.customer.id}/anonymize`, { confirm: PERSON.email }, admin))
          expect(failed.status).toEqual(500)
        } finally {
          await knex.raw(`drop trigger cam_test_refuse_delete on auth_identity`)
          await knex.raw(`drop function cam_test_refuse_delete()`)
        }
        const { data: half } = await api.get(`/admin/customers/${zyx.customer.id}/privacy`, admin)
        expect(half.privacy).toEqual({
          customer_id: zyx.customer.id,
          status: "erasing",
          requested_at: null,
          erasure_started_at: expect.any(String),
          erasure_running: false,
          anonymized_at: null,
          email: PERSON.email,
        })
        // Part of the person is gone (the notes), part is left (the login).
        expect((await api.get(`/admin/customers/${zyx.customer.id}/notes`, admin)).data.notes).toEqual([])
        // (The erasure ended her sessions: she signs in again.)
        const relogin = await send(api.post("/auth/customer/emailpass", { email: PERSON.email, password: PASSWORD }))
        expect(relogin.status).toEqual(200)
        const again = { headers: { ...pk, authorization: `Bearer ${relogin.data.token}` } }
        // The admin finds it first in the list of what waits.
        const { data: waiting } = await api.get("/admin/customer-accounts/erasure-requests", admin)
        expect(waiting.erasure_requests).toEqual([
          expect.objectContaining({ customer_id: zyx.customer.id, status: "erasing", erasure_started_at: half.privacy.erasure_started_at, erasure_running: false }),
        ])
        // The customer asking now learns it is under way, and records nothing new.
        const asked = await api.post("/store/customers/me/anonymize", { password: PASSWORD }, again)
        expect([asked.status, asked.data]).toEqual([202, { anonymization: { status: "erasing", erasure_started_at: half.privacy.erasure_started_at } }])

        const done = await api.post(`/admin/customers/${zyx.customer.id}/anonymize`, { confirm: PERSON.email }, admin)
        expect(done.status).toEqual(200)
        expect((await api.get(`/admin/customers/${zyx.customer.id}/privacy`, admin)).data.privacy).toMatchObject({
          status: "anonymized",
          erasure_started_at: half.privacy.erasure_started_at,
          erasure_running: false,
          anonymized_at: done.data.anonymized_at,
        })
        expect(await findPersonalData(knex, needles, { except: [/^order/] })).toEqual([])
        expect((await api.get("/admin/customer-accounts/erasure-requests", admin)).data).toEqual({ erasure_requests: [], count: 0 })
      })

      it("keeps a run that died holding the erasure from being raced for 15 minutes, then lets the next run finish it", async () => {
        // What a server that stopped right after taking the erasure leaves behind.
        const startedAt = new Date()
        await knex("customer_privacy_request").insert({
          id: "cpriv_died",
          customer_id: zyx.customer.id,
          status: "erasing",
          erasure_started_at: startedAt,
          claimed_at: startedAt,
        })
        expect((await api.get(`/admin/customers/${zyx.customer.id}/privacy`, admin)).data.privacy).toMatchObject({
          status: "erasing",
          erasure_running: true,
        })
        const refused = await send(api.post(`/admin/customers/${zyx.customer.id}/anonymize`, { confirm: PERSON.email }, admin))
        expect([refused.status, refused.data.type]).toEqual([409, "conflict"])
        expect(await findPersonalData(knex, [PERSON.first_name])).not.toEqual([])

        const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
        security.setClock({ now: () => new Date(Date.now() + 16 * 60 * 1000) })
        try {
          expect((await api.get(`/admin/customers/${zyx.customer.id}/privacy`, admin)).data.privacy).toMatchObject({
            status: "erasing",
            erasure_running: false,
          })
          const done = await send(api.post(`/admin/customers/${zyx.customer.id}/anonymize`, { confirm: PERSON.email }, admin))
          expect(done.status).toEqual(200)
        } finally {
          security.setClock({ now: () => new Date() })
        }
        expect((await api.get(`/admin/customers/${zyx.customer.id}/privacy`, admin)).data.privacy).toMatchObject({
          status: "anonymized",
          erasure_started_at: startedAt.toISOString(),
        })
        expect(await findPersonalData(knex, needles, { except: [/^order/] })).toEqual([])
      })

      it("records one request when the customer asks several times at once", async () => {
        const answers = await Promise.all([1, 2, 3].map(() => api.post("/store/customers/me/anonymize", { password: PASSWORD }, zyx)))
        expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202])
        expect(new Set(answers.map((answer) => answer.data.anonymization.requested_at)).size).toEqual(1)
        expect(await knex("customer_privacy_request").where({ customer_id: zyx.customer.id })).toHaveLength(1)
        await eventually(async () => {
          const { data } = await api.get(`/admin/customers/${zyx.customer.id}/activity?limit=100`, admin)
          return data.activities.some((found: { type: string }) => found.type === "account.anonymization_requested")
        })
        await new Promise((resolve) => setTimeout(resolve, 1000))
        const { data } = await api.get(`/admin/customers/${zyx.customer.id}/activity?limit=100`, admin)
        expect(data.activities.filter((found: { type: string }) => found.type === "account.anonymization_requested")).toHaveLength(1)
      })

      it.each([
        ["no password", {}],
        ["an unknown field", { password: PASSWORD, confirm: true }],
      ])("answers the store route's %s with 400 and records nothing", async (_, body) => {
        expect((await send(api.post("/store/customers/me/anonymize", body, zyx))).status).toEqual(400)
        expect((await send(api.post("/store/customers/me/anonymize", { password: PASSWORD }, { headers: pk }))).status).toEqual(401)
        expect((await api.get(`/admin/customers/${zyx.customer.id}/privacy`, admin)).data.privacy.status).toEqual("active")
      })
    })
  },
})
