import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ACCOUNT_SECURITY_MODULE } from "../../src/modules/account-security"
import type AccountSecurityModuleService from "../../src/modules/account-security/service"
import { ASSISTANCE_STARTED_TEMPLATE } from "../../src/subscribers/notify-assistance-started"
import { createAdmin, createPublishableKey, registerCustomer, send, type TestAdmin, type TestCustomer } from "./helpers/auth"
import { backgroundSettled, eventually } from "./helpers/events"
import { clearOutbox, sentMessages } from "./helpers/outbox"

jest.setTimeout(180 * 1000)

const OWNER = "owner@example.com"
const STOREFRONT = "https://shop.example.com/assist?code={code}"
process.env.CAM_PLUGIN_OPTIONS = JSON.stringify({
  staffPermissions: { mode: "enforced", owners: [OWNER] },
  assistance: { enabled: true, storefrontUrl: STOREFRONT, maxMinutes: 30 },
})
afterAll(() => {
  delete process.env.CAM_PLUGIN_OPTIONS
})

const REASON = "Customer called: cannot find the checkout button"

/*
 * Issue 25 from the attacker's side and the support agent's: assisted
 * shopping needs the customer's consent and its own permission; the code is
 * single-use, short-lived, bound to the admin (and their session) who asked,
 * never stored or shown again; an assisted session cannot touch the
 * account's credentials, ends at its time limit (refresh or not) and when
 * an admin or the customer ends it; all of it on the customer's timeline.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let knex: Knex
    let security: AccountSecurityModuleService
    let pk: Record<string, string>
    let owner: TestAdmin
    let clerk: TestAdmin
    let jane: TestCustomer

    const bearer = (token: string) => ({ headers: { ...pk, authorization: `Bearer ${token}` } })
    const allow = (customer: TestCustomer, body: Record<string, unknown> = { allow: true }) =>
      send(api.post("/store/customers/me/assistance-consent", body, { headers: customer.headers }))
    const start = (who: TestAdmin, customerId = jane.customer.id, reason: unknown = REASON) =>
      send(api.post(`/admin/customers/${customerId}/assistance`, { reason }, who))
    const exchange = (code: string, headers: Record<string, string> = {}) =>
      send(api.post("/auth/customer/assistance", { code }, { headers }))
    const rows = async (table: string) => Number((await knex(table).count({ n: "*" }))[0].n)
    /** Starts assistance as the owner and exchanges the code: the assisted session's token. */
    const assistedToken = async () => {
      const started = await start(owner)
      expect(started.status).toEqual(201)
      const exchanged = await exchange(started.data.assistance.code)
      expect(exchanged.status).toEqual(200)
      return exchanged.data.token as string
    }
    const activityTypes = async () =>
      (await api.get(`/admin/customers/${jane.customer.id}/activity?limit=50`, owner)).data.activities.map(
        (entry: { type: string }) => entry.type
      )

    beforeEach(async () => {
      container = getContainer()
      knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      security = container.resolve(ACCOUNT_SECURITY_MODULE)
      pk = await createPublishableKey(container)
      owner = await createAdmin(api, container, { email: OWNER, first_name: "Olga" })
      clerk = await createAdmin(api, container, { email: "clerk@example.com", first_name: "Sam" })
      jane = await registerCustomer(api, pk, { email: "jane@example.com" })
      clearOutbox()
    })

    afterEach(() => {
      security.setClock(null as never)
    })

    describe("starting", () => {
      it("needs the customer's consent: 403, and no code is written", async () => {
        const refused = await start(owner)
        expect(refused.status).toEqual(403)
        expect(refused.data.type).toEqual("assistance_consent_required")
        expect(await rows("assistance_code")).toEqual(0)
      })

      it("needs its own permission: a colleague without it gets 403 insufficient_permission, nothing written", async () => {
        expect((await allow(jane)).status).toEqual(200)
        const refused = await start(clerk)
        expect(refused.status).toEqual(403)
        expect(refused.data).toMatchObject({ type: "insufficient_permission", capability: "assistance.start" })
        expect(await rows("assistance_code")).toEqual(0)
      })

      it("needs a reason, and a customer with an account", async () => {
        await allow(jane)
        expect((await start(owner, jane.customer.id, "  ")).status).toEqual(400)
        expect((await start(owner, jane.customer.id, "x".repeat(501))).status).toEqual(400)
        expect((await start(owner, "cus_missing")).status).toEqual(404)
        expect(await rows("assistance_code")).toEqual(0)
      })

      it("answers a one-time link whose code is stored only as a hash and never shown again", async () => {
        await allow(jane)
        const started = await start(owner)
        expect(started.status).toEqual(201)
        const { url, code, expires_at } = started.data.assistance
        expect(url).toEqual(STOREFRONT.replace("{code}", encodeURIComponent(code)))
        const ttl = new Date(expires_at).getTime() - Date.now()
        expect(ttl).toBeGreaterThan(100_000)
        expect(ttl).toBeLessThanOrEqual(120_000)
        const stored = await knex("assistance_code").select("*")
        expect(stored).toHaveLength(1)
        expect(JSON.stringify(stored)).not.toContain(code)
        expect(stored[0]).toMatchObject({ user_id: owner.user.id, customer_id: jane.customer.id, reason: REASON })

        const token = (await exchange(code)).data.token
        await backgroundSettled()
        // Nothing the admin reads afterwards holds the code.
        const views = await Promise.all([
          api.get(`/admin/customers/${jane.customer.id}/assistance`, owner),
          api.get(`/admin/customers/${jane.customer.id}/activity?limit=50`, owner),
          api.get("/admin/customer-accounts/assistance-sessions", owner),
          api.get("/admin/notifications", owner),
        ])
        for (const view of views) {
          expect(JSON.stringify(view.data)).not.toContain(code)
          expect(JSON.stringify(view.data)).not.toContain(token)
        }
      })
    })

    describe("the code", () => {
      beforeEach(async () => {
        await allow(jane)
      })

      it("gives the customer's session once; a second use is refused", async () => {
        const { code } = (await start(owner)).data.assistance
        const first = await exchange(code)
        expect(first.status).toEqual(200)
        const me = await api.get("/store/customers/me", bearer(first.data.token))
        expect(me.data.customer.id).toEqual(jane.customer.id)
        const again = await exchange(code)
        expect(again.status).toEqual(401)
        expect(again.data.message).toEqual("Invalid or expired assistance code")
      })

      it("is refused after two minutes", async () => {
        const { code } = (await start(owner)).data.assistance
        const now = Date.now()
        security.setClock({ now: () => new Date(now + 121_000) })
        expect((await exchange(code)).status).toEqual(401)
      })

      it("is refused when the request carries another admin's credentials", async () => {
        const { code } = (await start(owner)).data.assistance
        expect((await exchange(code, clerk.headers)).status).toEqual(401)
        // Spent by that attempt: the owner cannot use it either.
        expect((await exchange(code, owner.headers)).status).toEqual(401)
      })

      it("is refused once the customer took consent back", async () => {
        const { code } = (await start(owner)).data.assistance
        expect((await allow(jane, { allow: false })).status).toEqual(200)
        expect((await exchange(code)).status).toEqual(401)
      })

      it("dies with the admin session that asked", async () => {
        const { code } = (await start(owner)).data.assistance
        await send(api.post(`/admin/users/${owner.user.id}/sessions/revoke`, {}, owner))
        expect((await exchange(code)).status).toEqual(401)
      })

      it("is refused once the admin who asked for it was deleted", async () => {
        const { code } = (await start(owner)).data.assistance
        await container.resolve(Modules.USER).deleteUsers([owner.user.id])
        expect((await exchange(code)).data).toEqual({ type: "unauthorized", message: "Invalid or expired assistance code" })
        // No assisted session was begun.
        const [{ n }] = await knex("account_session").whereNotNull("assisted_by").count({ n: "*" })
        expect(Number(n)).toEqual(0)
      })

      it("is refused with a malformed body, and guessing gets the same 401", async () => {
        expect((await send(api.post("/auth/customer/assistance", { code: 42 }))).status).toEqual(400)
        expect((await send(api.post("/auth/customer/assistance", { code: "x", extra: 1 }))).status).toEqual(400)
        expect((await exchange("guessed-code")).data).toEqual({ type: "unauthorized", message: "Invalid or expired assistance code" })
      })
    })

    describe("an assisted session", () => {
      beforeEach(async () => {
        await allow(jane)
      })

      it("tells the storefront who assists, why and until when; the customer's own session is not assisted", async () => {
        const token = await assistedToken()
        const { data } = await api.get("/store/customers/me/assistance", bearer(token))
        expect(data.assistance).toEqual({ assisted: true, by: { first_name: "Olga" }, reason: REASON, expires_at: expect.any(String) })
        const minutes = (new Date(data.assistance.expires_at).getTime() - Date.now()) / 60_000
        expect(minutes).toBeGreaterThan(29)
        expect(minutes).toBeLessThanOrEqual(30)
        const own = await api.get("/store/customers/me/assistance", { headers: jane.headers })
        expect(own.data.assistance).toEqual({ assisted: false })
      })

      it("refuses every account-changing action with 403 assisted_session_forbidden, which work in the customer's own session", async () => {
        const token = await assistedToken()
        const assisted = bearer(token).headers
        const forbidden: [string, string, unknown?][] = [
          ["POST", "/store/customers/me/password", { old_password: jane.password, new_password: "violet tractor whispers at noon 7" }],
          ["POST", "/store/customers/me/email", { email: "thief@example.com", password: jane.password }],
          ["GET", "/store/customers/me/export"],
          ["POST", "/store/customers/me/anonymize", { password: jane.password }],
          ["POST", "/store/customers/me/assistance-consent", { allow: false }],
          ["POST", "/store/customers/me/sessions/revoke-others", {}],
          ["DELETE", "/store/customers/me/sessions"],
          ["DELETE", "/store/customers/me/sessions/asess_any"],
          ["POST", "/auth/mfa/factors", { provider: "totp" }],
          ["POST", "/auth/mfa/recovery-codes", {}],
          ["POST", "/STORE/customers/me/password/", { old_password: jane.password, new_password: "x" }],
        ]
        for (const [method, path, body] of forbidden) {
          const response = await send(api.request({ method, url: path, data: body, headers: assisted }))
          expect([path, response.status, response.data?.type]).toEqual([path, 403, "assisted_session_forbidden"])
        }
        // Nothing changed: the password, the address and the session still stand.
        expect((await send(api.post("/auth/customer/emailpass", { email: jane.email, password: jane.password }))).status).toEqual(200)
        expect((await api.get("/store/customers/me", bearer(token))).data.customer.email).toEqual(jane.email)
        expect((await api.get("/store/customers/me/assistance-consent", { headers: jane.headers })).data.assistance_consent.allowed).toEqual(true)

        // The customer's own session may.
        expect((await send(api.get("/store/customers/me/export", { headers: jane.headers }))).status).toEqual(200)
        expect((await send(api.post("/store/customers/me/sessions/revoke-others", {}, { headers: jane.headers }))).status).toEqual(200)
      })

      it("refuses completing a cart while allowCheckout is off", async () => {
        const token = await assistedToken()
        const options = security.assistance.options as { allowCheckout: boolean }
        options.allowCheckout = false
        try {
          const refused = await send(api.post("/store/carts/cart_any/complete", {}, bearer(token)))
          expect([refused.status, refused.data.type]).toEqual([403, "assisted_session_forbidden"])
        } finally {
          options.allowCheckout = true
        }
      })

      it("stamps carts it creates with metadata.assisted_by; a customer cannot forge the stamp", async () => {
        const token = await assistedToken()
        const [region] = await container.resolve("region").listRegions({}, { take: 1 })
        const regionId = region?.id ?? (await container.resolve("region").createRegions({ name: "EU", currency_code: "eur" })).id
        const assistedCart = await api.post("/store/carts", { region_id: regionId }, bearer(token))
        expect(assistedCart.data.cart.metadata).toEqual({ assisted_by: owner.user.id })
        const forged = await api.post(
          "/store/carts",
          { region_id: regionId, metadata: { assisted_by: "user_forged", note: "kept" } },
          { headers: jane.headers }
        )
        expect(forged.data.cart.metadata).toEqual({ note: "kept" })
      })

      it("stamps the cart it completes (Medusa copies the cart's metadata onto the order), keeping its other metadata", async () => {
        const token = await assistedToken()
        const [region] = await container.resolve("region").listRegions({}, { take: 1 })
        const regionId = region?.id ?? (await container.resolve("region").createRegions({ name: "EU", currency_code: "eur" })).id
        const own = await api.post("/store/carts", { region_id: regionId, metadata: { note: "kept" } }, { headers: jane.headers })
        // An empty cart cannot be completed; the stamp is written before Medusa's completion runs.
        await send(api.post(`/store/carts/${own.data.cart.id}/complete`, {}, bearer(token)))
        const [cart] = await container.resolve("cart").listCarts({ id: own.data.cart.id }, { select: ["id", "metadata"] })
        expect(cart.metadata).toEqual({ note: "kept", assisted_by: owner.user.id })
      })

      it("puts an order placed in an assisted session on the customer's timeline", async () => {
        const orders = container.resolve("order")
        const placed = await orders.createOrders({
          customer_id: jane.customer.id,
          email: jane.email,
          currency_code: "eur",
          metadata: { assisted_by: owner.user.id },
        })
        const own = await orders.createOrders({ customer_id: jane.customer.id, email: jane.email, currency_code: "eur" })
        const bus = container.resolve("event_bus")
        await bus.emit([
          { name: "order.placed", data: { id: placed.id } },
          { name: "order.placed", data: { id: own.id } },
        ])
        const entry = await eventually(async () => {
          const activities = (await api.get(`/admin/customers/${jane.customer.id}/activity?limit=50`, owner)).data.activities
          return activities.find((item: { type: string }) => item.type === "assistance.order_placed")
        })
        expect(entry).toMatchObject({ actor: { type: "user", id: owner.user.id }, data: { order_id: placed.id } })
        await backgroundSettled()
        const all = (await api.get(`/admin/customers/${jane.customer.id}/activity?limit=50`, owner)).data.activities
        // The customer's own order is not an assisted one.
        expect(all.filter((item: { type: string }) => item.type === "assistance.order_placed")).toHaveLength(1)
      })

      it("ends after maxMinutes; a refresh cannot extend it", async () => {
        const token = await assistedToken()
        const refreshed = await send(api.post("/auth/token/refresh", {}, { headers: { authorization: `Bearer ${token}` } }))
        expect(refreshed.status).toEqual(200)
        // Still the assisted session (not one of the customer's own, whatever second it was issued in).
        const assisted = await api.get("/store/customers/me/assistance", bearer(refreshed.data.token))
        expect(assisted.data.assistance.assisted).toEqual(true)
        expect((await send(api.post("/store/customers/me/password", {}, bearer(refreshed.data.token)))).status).toEqual(403)
        const now = Date.now()
        security.setClock({ now: () => new Date(now + 31 * 60_000) })
        for (const credential of [token, refreshed.data.token]) {
          expect((await send(api.get("/store/customers/me", bearer(credential)))).status).toEqual(401)
          expect((await send(api.post("/auth/token/refresh", {}, { headers: { authorization: `Bearer ${credential}` } }))).status).toEqual(401)
        }
        // The customer's own session lives on.
        expect((await send(api.get("/store/customers/me", { headers: jane.headers }))).status).toEqual(200)
      })

      it("ends at once when an admin ends it, and the timeline shows start (with the reason) and end; the customer is e-mailed", async () => {
        const token = await assistedToken()
        const running = await api.get(`/admin/customers/${jane.customer.id}/assistance`, owner)
        expect(running.data.assistance.sessions).toEqual([
          expect.objectContaining({ user_id: owner.user.id, reason: REASON, user: expect.objectContaining({ first_name: "Olga" }) }),
        ])
        const list = await api.get("/admin/customer-accounts/assistance-sessions", owner)
        expect(list.data.sessions).toEqual([expect.objectContaining({ customer_id: jane.customer.id })])

        // Ending needs sessions.revoke: the clerk has not got it.
        expect((await send(api.post(`/admin/customers/${jane.customer.id}/assistance/end`, {}, clerk))).status).toEqual(403)
        const ended = await api.post(`/admin/customers/${jane.customer.id}/assistance/end`, {}, owner)
        expect(ended.data).toEqual({ ended: 1 })
        expect((await send(api.get("/store/customers/me", bearer(token)))).status).toEqual(401)
        expect((await send(api.get("/store/customers/me", { headers: jane.headers }))).status).toEqual(200)

        // eventually() polls until its check returns a value.
        await eventually(async () => {
          const types: string[] = await activityTypes()
          return ["assistance.consent_changed", "assistance.started", "assistance.ended"].every((type) => types.includes(type))
        })
        const activities = (await api.get(`/admin/customers/${jane.customer.id}/activity?limit=50`, owner)).data.activities
        const startedEntry = activities.find((entry: { type: string }) => entry.type === "assistance.started")
        expect(startedEntry.data).toMatchObject({ reason: REASON, user_name: "Olga Admin" })
        expect(activities.find((entry: { type: string }) => entry.type === "assistance.ended").data).toEqual({ ended_by: "admin" })
        // The customer sees them too.
        const own = await api.get("/store/customers/me/activity?limit=50", { headers: jane.headers })
        expect(own.data.activities.map((entry: { type: string }) => entry.type)).toEqual(
          expect.arrayContaining(["assistance.started", "assistance.ended"])
        )
        await eventually(async () => sentMessages(jane.email, ASSISTANCE_STARTED_TEMPLATE).length === 1)
        expect(sentMessages(jane.email, ASSISTANCE_STARTED_TEMPLATE)).toHaveLength(1)
      })

      it("ends when the customer takes consent back from their own session", async () => {
        const token = await assistedToken()
        const withdrawn = await allow(jane, { allow: false })
        expect(withdrawn.data.assistance_consent).toMatchObject({ required: true, allowed: false })
        expect((await send(api.get("/store/customers/me", bearer(token)))).status).toEqual(401)
        const ended = await eventually(async () => {
          const activities = (await api.get(`/admin/customers/${jane.customer.id}/activity?limit=50`, owner)).data.activities
          return activities.find((entry: { type: string }) => entry.type === "assistance.ended")
        })
        expect(ended.data).toEqual({ ended_by: "customer" })
      })
    })

    describe("consent", () => {
      it("can be given for some hours and ends by itself", async () => {
        const given = await allow(jane, { allow: true, hours: 24 })
        expect(given.data.assistance_consent).toMatchObject({ required: true, allowed: true })
        const hours = (new Date(given.data.assistance_consent.expires_at).getTime() - Date.now()) / 3_600_000
        expect(hours).toBeGreaterThan(23.9)
        expect(hours).toBeLessThanOrEqual(24)
        const now = Date.now()
        security.setClock({ now: () => new Date(now + 25 * 3_600_000) })
        const later = await api.get("/store/customers/me/assistance-consent", { headers: jane.headers })
        expect(later.data.assistance_consent).toMatchObject({ allowed: false })
        expect((await start(owner)).status).toEqual(403)
      })

      it("refuses bad input and writes nothing", async () => {
        expect((await allow(jane, { allow: "yes" })).status).toEqual(400)
        expect((await allow(jane, { allow: true, hours: 0 })).status).toEqual(400)
        expect((await allow(jane, { allow: true, hours: 100_000 })).status).toEqual(400)
        expect(await rows("assistance_consent")).toEqual(0)
      })

      it("is the customer's own: no session, no consent route", async () => {
        expect((await send(api.get("/store/customers/me/assistance-consent", { headers: pk }))).status).toEqual(401)
        expect((await send(api.post("/store/customers/me/assistance-consent", { allow: true }, { headers: pk }))).status).toEqual(401)
      })
    })
  },
})
