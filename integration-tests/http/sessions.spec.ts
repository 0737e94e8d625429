import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ACCOUNT_SECURITY_MODULE } from "../../src/modules/account-security"
import type AccountSecurityModuleService from "../../src/modules/account-security/service"
import { createAdmin, createPublishableKey, registerCustomer, send, type TestAdmin, type TestCustomer } from "./helpers/auth"
import { eventually } from "./helpers/events"
import { clearOutbox, resetTokenSentTo, waitForMessages } from "./helpers/outbox"

jest.setTimeout(180 * 1000)

const PASSWORD = "a long and unusual passphrase 42"
const NEW_PASSWORD = "violet tractor whispers at noon 7"
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Medusa's tokens carry no id: two logins of one identity within the same
 * second are the same token. Real devices rarely collide; the tests wait
 * for the next second so that each "device" has a token of its own.
 */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let knex: Knex
    let security: AccountSecurityModuleService
    let pk: Record<string, string>
    let admin: TestAdmin
    let jane: TestCustomer

    const bearer = (token: string) => ({ headers: { ...pk, authorization: `Bearer ${token}` } })
    const me = (token: string) => send(api.get("/store/customers/me", bearer(token)))
    const refresh = (token: string) => send(api.post("/auth/token/refresh", {}, bearer(token)))
    const adminMe = (token: string) => send(api.get("/admin/users/me", bearer(token)))

    /** A new login of Jane's ("another device"): its token. */
    const device = async (email = jane.email, password = PASSWORD, actor = "customer") => {
      await nextSecond()
      const { data, status } = await send(api.post(`/auth/${actor}/emailpass`, { email, password }))
      expect(status).toEqual(200)
      return data.token as string
    }

    const sessionRows = async () =>
      knex("account_session").select("*").orderBy("started_at", "asc")

    beforeEach(async () => {
      container = getContainer()
      knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      security = container.resolve(ACCOUNT_SECURITY_MODULE)
      pk = await createPublishableKey(container)
      admin = await createAdmin(api, container)
      jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
      clearOutbox()
    })

    afterEach(() => security.setClock({ now: () => new Date() }))

    describe("the registry", () => {
      it("knows every session it hands out: one row per login, refreshes continue it", async () => {
        const rows = await sessionRows()
        // The admin's login, Jane's registration token and Jane's login.
        expect(rows.map((row) => [row.actor_type, row.method])).toEqual([
          ["user", "password"],
          ["customer", "registration"],
          ["customer", "password"],
        ])
        await nextSecond()
        const first = await refresh(jane.token)
        expect(first.status).toEqual(200)
        await nextSecond()
        const second = await refresh(first.data.token)
        expect(second.status).toEqual(200)
        for (let i = 0; i < 5; i++) {
          expect((await me(second.data.token)).status).toEqual(200)
        }
        const after = await sessionRows()
        expect(after).toHaveLength(3)
        const janes = after.find((row) => row.method === "password" && row.actor_type === "customer")
        expect(janes.refresh_count).toEqual(2)
        expect(janes.ip).toEqual(expect.any(String))
        // Tokens are known by their hash only.
        const tokens = await knex("account_session_token").where({ session_id: janes.id })
        expect(tokens).toHaveLength(3)
        expect(JSON.stringify(tokens)).not.toContain(jane.token)
      })

      it("writes last seen at most once a minute per session", async () => {
        const [row] = await knex("account_session").where({ method: "password", actor_type: "customer" })
        const updates = async () =>
          (await knex("account_session").where({ id: row.id }).first()).last_seen_at as Date
        const seen = await updates()
        for (let i = 0; i < 5; i++) {
          await me(jane.token)
        }
        expect(await updates()).toEqual(seen)
        security.setClock({ now: () => new Date(Date.now() + 61_000) })
        await me(jane.token)
        await eventually(async () => (await updates()).getTime() > seen.getTime())
      })
    })

    describe("what ends sessions", () => {
      it("a password change ends every other session; the one that changed it keeps working", async () => {
        const other = await device()
        const changed = await send(
          api.post("/store/customers/me/password", { old_password: PASSWORD, new_password: NEW_PASSWORD }, jane)
        )
        expect(changed.status).toEqual(200)
        expect((await me(other)).status).toEqual(401)
        expect((await refresh(other)).status).toEqual(401)
        expect((await me(jane.token)).status).toEqual(200)
        // (In the second of \`other\`'s login a refresh would hand out \`other\`'s very token: Medusa's tokens carry no id.)
        await nextSecond()
        const refreshed = await refresh(jane.token)
        expect(refreshed.status).toEqual(200)
        expect((await me(refreshed.data.token)).status).toEqual(200)
      })

      it("a password reset ends every session, and refresh cannot bring one back", async () => {
        const other = await device()
        await api.post("/auth/customer/emailpass/reset-password", { identifier: jane.email })
        const token = await resetTokenSentTo(jane.email, 1)
        const reset = await send(
          api.post("/auth/customer/emailpass/update", { password: NEW_PASSWORD }, { headers: { authorization: `Bearer ${token}` } })
        )
        expect(reset.status).toEqual(200)
        for (const old of [jane.token, other]) {
          expect((await me(old)).status).toEqual(401)
          expect((await refresh(old)).status).toEqual(401)
        }
        expect((await me(await device(jane.email, NEW_PASSWORD))).status).toEqual(200)
      })

      it("an admin-set password ends every session", async () => {
        const other = await device()
        const set = await send(
          api.post(`/admin/customers/${jane.customer.id}/password`, { password: NEW_PASSWORD }, admin)
        )
        expect(set.status).toEqual(200)
        expect((await me(jane.token)).status).toEqual(401)
        expect((await me(other)).status).toEqual(401)
        expect((await refresh(other)).status).toEqual(401)
        expect((await adminMe(admin.token)).status).toEqual(200)
      })

      it("an anonymization ends every session at once: an old token writes nothing back", async () => {
        const anonymized = await send(
          api.post(`/admin/customers/${jane.customer.id}/anonymize`, { confirm: jane.email }, admin)
        )
        expect(anonymized.status).toEqual(200)
        const write = await send(
          api.post("/store/customers/me", { first_name: "Jane again", phone: "+49 30 1234" }, bearer(jane.token))
        )
        expect(write.status).toEqual(401)
        const address = await send(
          api.post("/store/customers/me/addresses", { first_name: "Jane", address_1: "Main St 1" }, bearer(jane.token))
        )
        expect(address.status).toEqual(401)
        expect((await refresh(jane.token)).status).toEqual(401)
        const [customer] = await container
          .resolve(Modules.CUSTOMER)
          .listCustomers({ id: jane.customer.id }, { relations: ["addresses"] })
        expect(customer.first_name).toBeNull()
        expect(customer.phone).toBeNull()
        expect(customer.addresses).toEqual([])
        // Nothing of the person's sessions is left (IPs, browsers).
        expect(await knex("account_session").where({ actor_type: "customer" })).toEqual([])
      })

      it("a confirmed e-mail change ends every other session; the one that confirmed it keeps working", async () => {
        const other = await device()
        const asked = await send(
          api.post("/store/customers/me/email", { email: "jane.new@example.com", password: PASSWORD }, bearer(jane.token))
        )
        expect(asked.status).toEqual(202)
        const mails = await waitForMessages("jane.new@example.com", "customer-email-verification")
        const code = new URL(String(mails[mails.length - 1].data.verify_url)).searchParams.get("token") as string
        const confirmed = await send(api.post("/auth/verification/confirm", { code }, bearer(jane.token)))
        expect(confirmed.status).toEqual(200)
        expect((await me(other)).status).toEqual(401)
        expect((await refresh(other)).status).toEqual(401)
        expect((await me(jane.token)).status).toEqual(200)
        // Confirmed from a browser without a session: every session ends.
        const laptop = await device("jane.new@example.com")
        await send(api.post("/store/customers/me/email", { email: "jane.third@example.com", password: PASSWORD }, bearer(laptop)))
        const [third] = await waitForMessages("jane.third@example.com", "customer-email-verification")
        const anonymous = await send(
          api.post("/auth/verification/confirm", { code: new URL(String(third.data.verify_url)).searchParams.get("token") })
        )
        expect(anonymous.status).toEqual(200)
        expect((await me(laptop)).status).toEqual(401)
        expect((await me(jane.token)).status).toEqual(401)
      })

      it("an admin's MFA reset ends every session", async () => {
        const other = await device()
        const reset = await send(api.post(`/admin/customers/${jane.customer.id}/mfa/reset`, {}, admin))
        expect(reset.status).toEqual(200)
        expect((await me(jane.token)).status).toEqual(401)
        expect((await me(other)).status).toEqual(401)
      })

      it("a lock does not end sessions: five failed logins cannot sign the victim out", async () => {
        for (let i = 0; i < 6; i++) {
          await send(api.post("/auth/customer/emailpass", { email: jane.email, password: `wrong guess ${i}` }))
        }
        const locked = await send(api.post("/auth/customer/emailpass", { email: jane.email, password: PASSWORD }))
        expect(locked.status).toEqual(429)
        expect((await me(jane.token)).status).toEqual(200)
        expect((await refresh(jane.token)).status).toEqual(200)
      })

      it("refresh never extends a session past its absolute lifetime (30 days from the login)", async () => {
        security.setClock({ now: () => new Date(Date.now() + 29 * DAY_MS) })
        const refreshed = await refresh(jane.token)
        expect(refreshed.status).toEqual(200)
        expect((await me(refreshed.data.token)).status).toEqual(200)
        security.setClock({ now: () => new Date(Date.now() + 30 * DAY_MS + 1000) })
        expect((await me(refreshed.data.token)).status).toEqual(401)
        expect((await refresh(refreshed.data.token)).status).toEqual(401)
        expect((await me(jane.token)).status).toEqual(401)
      })
    })

    describe("the customer's sessions (store)", () => {
      it("lists them with the current one marked, ends one, ends all others, ends all", async () => {
        const phone = await device()
        const laptop = await device()
        const { data } = await api.get("/store/customers/me/sessions", bearer(phone))
        // The registration's token is a session too (it can still be refreshed).
        expect(data.sessions.map((session: { method: string }) => session.method).sort()).toEqual([
          "password",
          "password",
          "password",
          "registration",
        ])
        expect(data.sessions.filter((session: { current: boolean }) => session.current)).toHaveLength(1)
        const current = data.sessions.find((session: { current: boolean }) => session.current)
        expect(current).toEqual(
          expect.objectContaining({ actor_type: "customer", method: "password", cookie: false, ip: expect.any(String) })
        )

        // Ending one: the laptop's.
        const laptopId = (await api.get("/store/customers/me/sessions", bearer(laptop))).data.sessions.find(
          (session: { current: boolean }) => session.current
        ).id
        const ended = await send(api.delete(`/store/customers/me/sessions/${laptopId}`, bearer(phone)))
        expect(ended.data).toEqual({ id: laptopId, revoked: true })
        expect((await me(laptop)).status).toEqual(401)

        // Everywhere else: the phone stays.
        const others = await send(api.post("/store/customers/me/sessions/revoke-others", {}, bearer(phone)))
        expect(others.data).toEqual({ revoked: 2 })
        expect((await me(jane.token)).status).toEqual(401)
        expect((await me(phone)).status).toEqual(200)

        // Everywhere.
        const all = await send(api.delete("/store/customers/me/sessions", bearer(phone)))
        expect(all.data).toEqual({ revoked: 1 })
        expect((await me(phone)).status).toEqual(401)
      })

      it("cannot end another customer's session (404, nothing ended)", async () => {
        const bob = await registerCustomer(api, pk, { email: "bob@example.com", password: PASSWORD })
        const bobsSession = (await api.get("/store/customers/me/sessions", bob)).data.sessions[0].id
        const attempt = await send(api.delete(`/store/customers/me/sessions/${bobsSession}`, jane))
        expect(attempt.status).toEqual(404)
        expect((await me(bob.token)).status).toEqual(200)
      })

      it("a cookie session is the same session: ending it ends the cookie", async () => {
        const cookieLogin = await send(api.post("/auth/session", {}, { headers: { authorization: `Bearer ${jane.token}` } }))
        expect(cookieLogin.status).toEqual(200)
        const cookie = String(cookieLogin.headers["set-cookie"]?.[0] ?? "").split(";")[0]
        expect(cookie).toContain("connect.sid=")
        const withCookie = { headers: { ...pk, cookie } }
        expect((await send(api.get("/store/customers/me", withCookie))).status).toEqual(200)
        const [row] = await knex("account_session").where({ method: "password", actor_type: "customer" })
        expect(row.cookie).toEqual(true)

        const other = await device()
        await send(api.post("/store/customers/me/sessions/revoke-others", {}, bearer(other)))
        expect((await send(api.get("/store/customers/me", withCookie))).status).toEqual(401)
        expect((await me(jane.token)).status).toEqual(401)
      })

      it("signing out of a cookie session ends it in the registry", async () => {
        const cookieLogin = await send(api.post("/auth/session", {}, { headers: { authorization: `Bearer ${jane.token}` } }))
        const cookie = String(cookieLogin.headers["set-cookie"]?.[0] ?? "").split(";")[0]
        const out = await send(api.delete("/auth/session", { headers: { cookie } }))
        expect(out.status).toEqual(200)
        // The bearer token of the same session ends with it.
        expect((await me(jane.token)).status).toEqual(401)
      })
    })

    describe("the admin's view", () => {
      it("lists a customer's sessions and signs them out everywhere, on the timeline", async () => {
        await device()
        const { data } = await api.get(`/admin/customers/${jane.customer.id}/sessions`, admin)
        // The registration token's, the login's and the other device's.
        expect(data.sessions.map((session: { method: string }) => session.method).sort()).toEqual(["password", "password", "registration"])
        expect(data.sessions.every((session: { current: boolean }) => !session.current)).toBe(true)
        const revoked = await send(api.post(`/admin/customers/${jane.customer.id}/sessions/revoke`, {}, admin))
        expect(revoked.data).toEqual({ revoked: 3 })
        expect((await me(jane.token)).status).toEqual(401)
        expect((await api.get(`/admin/customers/${jane.customer.id}/sessions`, admin)).data.sessions).toEqual([])
        await eventually(async () => {
          const { data: timeline } = await api.get(`/admin/customers/${jane.customer.id}/activity`, admin)
          return timeline.activities.some(
            (entry: { type: string; actor: { id: string }; data: { reason: string; count: number } }) =>
              entry.type === "session.revoked" &&
              entry.actor.id === admin.user.id &&
              entry.data.reason === "signed_out_everywhere" &&
              entry.data.count === 3
          )
        })
        // The customer sees it in their own timeline.
        const fresh = await device()
        const { data: own } = await api.get("/store/customers/me/activity", bearer(fresh))
        expect(own.activities.map((entry: { type: string }) => entry.type)).toEqual(
          expect.arrayContaining(["session.revoked", "session.started"])
        )
      })

      it("signs a Back Office user out everywhere", async () => {
        const laptop = await device(admin.user.email, "admin-password-1", "user")
        const { data } = await api.get(`/admin/users/${admin.user.id}/sessions`, admin)
        expect(data.sessions).toHaveLength(2)
        const colleague = await createAdmin(api, container, { email: "colleague@example.com" })
        const revoked = await send(api.post(`/admin/users/${admin.user.id}/sessions/revoke`, {}, colleague))
        expect(revoked.data).toEqual({ revoked: 2 })
        expect((await adminMe(admin.token)).status).toEqual(401)
        expect((await adminMe(laptop)).status).toEqual(401)
        expect((await refresh(laptop)).status).toEqual(401)
        expect((await adminMe(colleague.token)).status).toEqual(200)
      })

      it("refuses unknown ids with 404", async () => {
        expect((await send(api.get("/admin/customers/cus_nope/sessions", admin))).status).toEqual(404)
        expect((await send(api.post("/admin/users/user_nope/sessions/revoke", {}, admin))).status).toEqual(404)
      })
    })

    describe("assisted shopping, off by default", () => {
      it("answers 404 on every route and lets no one sign in as a customer", async () => {
        const jane = await registerCustomer(api, pk, { email: "assist-off@example.com" })
        const answers = await Promise.all([
          send(api.get(`/admin/customers/${jane.customer.id}/assistance`, admin)),
          send(api.post(`/admin/customers/${jane.customer.id}/assistance`, { reason: "Helping out" }, admin)),
          send(api.post(`/admin/customers/${jane.customer.id}/assistance/end`, {}, admin)),
          send(api.get("/admin/customer-accounts/assistance-sessions", admin)),
          send(api.get("/store/customers/me/assistance-consent", { headers: jane.headers })),
          send(api.post("/store/customers/me/assistance-consent", { allow: true }, { headers: jane.headers })),
          send(api.get("/store/customers/me/assistance", { headers: jane.headers })),
          send(api.post("/auth/customer/assistance", { code: "anything" })),
        ])
        expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(404))
        expect(answers[1].data).toEqual({ type: "not_found", message: "Assisted shopping is not enabled" })
      })
    })
  },
})
