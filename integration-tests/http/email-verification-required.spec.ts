import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { createAdmin, createPublishableKey, send, type TestAdmin } from "./helpers/auth"
import { eventually } from "./helpers/events"
import { clearOutbox, waitForMessages } from "./helpers/outbox"

jest.setTimeout(180 * 1000)

const PASSWORD = "a long and unusual passphrase 42"
const CUT_OFF = "2026-01-01T00:00:00.000Z"

// The shop requires a verified address; accounts whose login is older than
// the cut-off are grandfathered (docs/security.md "Requiring a verified address").
process.env.CAM_PLUGIN_OPTIONS = JSON.stringify({
  emailVerification: { required: true, existingAccounts: "grandfather", grandfatherCreatedBefore: CUT_OFF },
})
afterAll(() => {
  delete process.env.CAM_PLUGIN_OPTIONS
})

const NOT_VERIFIED = {
  type: "email_not_verified",
  message: "Confirm your e-mail address to log in: use the link we sent you, or ask for a new one.",
}
const WRONG = { type: "unauthorized", message: "Invalid email or password" }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let knex: Knex
    let pk: Record<string, string>
    let admin: TestAdmin

    /** Registers the way a storefront does (the registration token creates the account); no login. */
    const signUp = async (email: string) => {
      const registration = await api.post("/auth/customer/emailpass/register", { email, password: PASSWORD })
      const { data } = await api.post(
        "/store/customers",
        { email, first_name: "Jane" },
        { headers: { ...pk, authorization: `Bearer ${registration.data.token}` } }
      )
      return data.customer as { id: string; email: string }
    }
    const login = (email: string, password = PASSWORD, path = "/auth/customer/emailpass") =>
      send(api.post(path, { email, password }))
    const verifyLink = async (email: string) => {
      const [mail] = await waitForMessages(email, "customer-email-verification")
      return new URL(String(mail.data.verify_url)).searchParams.get("token") as string
    }
    /** The outcome of every attempt logged on `identifier` (refused ones are counted per IP and minute). */
    const attemptsOf = async (identifier: string) =>
      (await knex("login_attempt").where({ identifier }).select("outcome", "count")).flatMap((row: { outcome: string; count: number }) =>
        Array.from({ length: Number(row.count) }, () => row.outcome)
      )

    beforeEach(async () => {
      container = getContainer()
      knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      clearOutbox()
      pk = await createPublishableKey(container)
      admin = await createAdmin(api, container)
    })

    it("refuses an unverified account's right password with its own type, and only the right one; the link opens the login", async () => {
      const jane = await signUp("jane@example.com")
      const token = await verifyLink(jane.email)

      // A guesser learns nothing: wrong password and unknown e-mail answer alike.
      const wrong = await login(jane.email, "not the password at all")
      const unknown = await login("nobody@example.com", "not the password at all")
      expect([wrong.status, wrong.data]).toEqual([401, WRONG])
      expect([unknown.status, unknown.data]).toEqual([401, WRONG])

      // The right password: 403 email_not_verified, on every spelling of the login.
      for (const path of ["/auth/customer/emailpass", "/auth/%63ustomer/emailpass", "/auth/customer/emailpass/"]) {
        const refused = await login(jane.email, PASSWORD, path)
        expect([path, refused.status, refused.data]).toEqual([path, 403, NOT_VERIFIED])
        expect(refused.data.token).toBeUndefined()
      }
      const viaGet = await send(api.get("/auth/customer/emailpass", { data: { email: jane.email, password: PASSWORD } }))
      expect([viaGet.status, viaGet.data]).toEqual([403, NOT_VERIFIED])

      // The refusals are no failures: the account never locks from them.
      for (let i = 0; i < 6; i++) {
        expect((await login(jane.email)).status).toEqual(403)
      }
      const entry = await eventually(async () => {
        const { data } = await api.get(`/admin/customers/${jane.id}/activity?kind=security`, admin)
        return data.activities.find((found: { type: string }) => found.type === "login.refused")
      })
      expect(entry.data).toEqual({ actor_type: "customer", reason: "email_not_verified" })
      const { data: security } = await api.get(`/admin/customers/${jane.id}/security`, admin)
      expect(security.security).toMatchObject({ locked: false, failed_attempts: 1 })
      await eventually(async () => (await attemptsOf(jane.email)).filter((outcome) => outcome === "refused").length >= 10)

      const { data: state } = await api.get(`/admin/customers/${jane.id}/email-verification`, admin)
      expect(state.email_verification).toMatchObject({ status: "pending", required: true, blocks_login: true })

      // The link confirms the address: the next login is a login.
      expect((await send(api.post("/auth/verification/confirm", { code: token }))).status).toEqual(200)
      const allowed = await login(jane.email)
      expect(allowed.status).toEqual(200)
      const session = { headers: { ...pk, authorization: `Bearer ${allowed.data.token}` } }
      expect((await api.get("/store/customers/me", session)).data.customer.id).toEqual(jane.id)
      const { data: own } = await api.get("/store/customers/me/email-verification", session)
      expect(own.email_verification).toEqual({
        email: jane.email,
        status: "verified",
        verified_at: expect.any(String),
        requested_at: expect.any(String),
        required: true,
      })
    })

    it("grandfathers accounts older than the cut-off, and an admin's word opens a new one", async () => {
      const old = await signUp("old@example.com")
      const fresh = await signUp("fresh@example.com")
      await knex("provider_identity").where({ entity_id: old.email }).update({ created_at: new Date("2025-06-01T00:00:00Z") })

      expect((await login(old.email)).status).toEqual(200)
      expect((await login(fresh.email)).status).toEqual(403)
      const oldState = (await api.get(`/admin/customers/${old.id}/email-verification`, admin)).data.email_verification
      expect(oldState).toMatchObject({ status: "pending", required: true, blocks_login: false })

      const marked = await api.post(`/admin/customers/${fresh.id}/email-verification/verify`, {}, admin)
      expect(marked.data.email_verification).toMatchObject({ status: "verified", blocks_login: false })
      expect((await login(fresh.email)).status).toEqual(200)
    })

    it("refuses to refresh an unverified customer's token into a session, with the login's error type", async () => {
      // The walk-around: register, create the account with the registration token, refresh that token.
      const registration = await api.post("/auth/customer/emailpass/register", { email: "walker@example.com", password: PASSWORD })
      const token = registration.data.token as string
      const created = await send(
        api.post("/store/customers", { email: "walker@example.com", first_name: "W" }, { headers: { ...pk, authorization: `Bearer ${token}` } })
      )
      expect(created.status).toEqual(200)
      const refreshed = await send(api.post("/auth/token/refresh", {}, { headers: { authorization: `Bearer ${token}` } }))
      expect([refreshed.status, refreshed.data]).toEqual([403, NOT_VERIFIED])
      // Once the address is verified, refresh works as Medusa's does.
      const link = await verifyLink("walker@example.com")
      expect((await send(api.post("/auth/verification/confirm", { code: link }))).status).toEqual(200)
      const after = await send(api.post("/auth/token/refresh", {}, { headers: { authorization: `Bearer ${token}` } }))
      expect(after.status).toEqual(200)
      expect((await send(api.get("/store/customers/me", { headers: { ...pk, authorization: `Bearer ${after.data.token}` } }))).status).toEqual(200)
    })

    it("never holds back a registration that has no account yet, nor a Back Office login", async () => {
      // Registered, account not created: the token can only create the account.
      const registration = await api.post("/auth/customer/emailpass/register", { email: "new@example.com", password: PASSWORD })
      expect(registration.data.token).toEqual(expect.any(String))
      const relogin = await login("new@example.com")
      expect(relogin.status).toEqual(200)
      // The admin logs in through the user route, untouched by the customers' policy.
      expect((await send(api.post("/auth/user/emailpass", { email: admin.user.email, password: "admin-password-1" }))).status).toEqual(200)
    })
  },
})
