import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ACCOUNT_SECURITY_MODULE } from "../../src/modules/account-security"
import type AccountSecurityModuleService from "../../src/modules/account-security/service"
import { passwordDigest } from "../../src/lib/password-policy"
import { PASSWORD_BREACHED_TEMPLATE } from "../../src/subscribers/notify-password-breached"
import { startFakeRangeServer, type FakeRangeServer } from "../fake-range-server"
import { createAdmin, createPublishableKey, registerCustomer, send, type TestAdmin } from "./helpers/auth"
import { backgroundSettled } from "./helpers/events"
import { clearOutbox, resetTokenSentTo, sentMessages } from "./helpers/outbox"

jest.setTimeout(120 * 1000)

/** In breach corpora, yet zxcvbn rates it strong: what the local rules let through. */
const BREACHED = "Tr0ub4dor&3"
const BREACHED_2 = "correct horse battery staple"
const CLEAN = "a long and unusual passphrase 42"
const CLEAN_2 = "violet tractor whispers at noon 7"
const CLEAN_3 = "quiet harbour lantern drifting 19"

/**
 * The range service is a real HTTP server on localhost (fake-range-server),
 * started before the app boots so its URL can be the app's `rangeUrl`.
 * `cacheSeconds: 0` makes every screening a request, so the specs can count
 * them (the cache itself is covered by breached.unit.spec.ts).
 */
let range: FakeRangeServer
beforeAll(async () => {
  range = await startFakeRangeServer()
  process.env.CAM_PLUGIN_OPTIONS = JSON.stringify({
    passwordPolicy: {
      historySize: 3,
      breachedPasswords: { rangeUrl: range.url, timeoutMs: 400, cacheSeconds: 0, checkOnLogin: true },
    },
  })
})
afterAll(async () => {
  delete process.env.CAM_PLUGIN_OPTIONS
  await range.close()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let pk: Record<string, string>
    let admin: TestAdmin

    const codes = (response: { data: { errors?: { code: string }[] } }) => (response.data.errors ?? []).map((e) => e.code)
    const prefixesSent = () => range.requests.map((request) => request.path)
    const register = (email: string, password: string) =>
      send(api.post("/auth/customer/emailpass/register", { email, password }))
    const login = (email: string, password: string) => send(api.post("/auth/customer/emailpass", { email, password }))

    beforeEach(async () => {
      container = getContainer()
      pk = await createPublishableKey(container)
      admin = await createAdmin(api, container)
      range.clear()
      range.add(BREACHED, 1)
      range.add(BREACHED_2, 4)
      range.mode = "ok"
      range.requests.length = 0
      clearOutbox()
    })

    describe("every path that sets a password", () => {
      it("refuses a breached password at registration with a policy error, and sends only the 5-character prefix", async () => {
        const response = await register("newcomer@example.com", BREACHED)
        expect(response.status).toEqual(400)
        expect(codes(response)).toEqual(["breached"])
        const message = response.data.errors[0].message as string
        expect(message).toMatch(/data breach/)
        // Never how often: a count would rank near misses for an attacker.
        expect(message).not.toMatch(/\d/)

        const { prefix, suffix } = passwordDigest(BREACHED)
        // Screened once, although the middleware and the guarded provider both vet it.
        expect(range.requests).toEqual([{ path: prefix, padding: "true" }])
        expect(JSON.stringify(range.requests)).not.toContain(suffix.slice(0, 6))
        // Nothing was registered.
        expect((await login("newcomer@example.com", BREACHED)).status).toEqual(401)
      })

      it("accepts a password no breach lists", async () => {
        const response = await register("newcomer@example.com", CLEAN)
        expect(response.status).toEqual(200)
        expect(prefixesSent()).toEqual([passwordDigest(CLEAN).prefix])
      })

      it("refuses it on the customer's password change", async () => {
        const jane = await registerCustomer(api, pk, { email: "jane@example.com", password: CLEAN })
        range.requests.length = 0
        const change = (new_password: string) =>
          send(api.post("/store/customers/me/password", { old_password: CLEAN, new_password }, { headers: jane.headers }))
        const refused = await change(BREACHED_2)
        expect(refused.status).toEqual(400)
        expect(codes(refused)).toEqual(["breached"])
        expect((await login(jane.email, CLEAN)).status).toEqual(200)
        expect((await change(CLEAN_2)).status).toEqual(200)
      })

      it("refuses it when a reset link is used", async () => {
        const jane = await registerCustomer(api, pk, { email: "jane@example.com", password: CLEAN })
        await api.post("/auth/customer/emailpass/reset-password", { identifier: jane.email })
        const token = await resetTokenSentTo(jane.email)
        const update = (password: string) =>
          send(api.post("/auth/customer/emailpass/update", { password }, { headers: { authorization: `Bearer ${token}` } }))
        const refused = await update(BREACHED)
        expect(refused.status).toEqual(400)
        expect(codes(refused)).toEqual(["breached"])
        expect((await login(jane.email, BREACHED)).status).toEqual(401)
        expect((await update(CLEAN_2)).status).toEqual(200)
      })

      it("refuses it when an admin sets the password", async () => {
        const jane = await registerCustomer(api, pk, { email: "jane@example.com", password: CLEAN })
        const refused = await send(api.post(`/admin/customers/${jane.customer.id}/password`, { password: BREACHED }, admin))
        expect(refused.status).toEqual(400)
        expect(codes(refused)).toEqual(["breached"])
        expect((await login(jane.email, CLEAN)).status).toEqual(200)
      })

      it("screens only after the local rules pass", async () => {
        const response = await register("newcomer@example.com", "short")
        expect(response.status).toEqual(400)
        expect(codes(response)).not.toContain("breached")
        expect(range.requests).toEqual([])
      })
    })

    describe("the strength endpoints", () => {
      it("report a breached password like any other policy error", async () => {
        const { data } = await api.post("/store/password-strength", { password: BREACHED }, { headers: pk })
        expect(data.strength.valid).toEqual(false)
        expect(data.strength.errors.map((e: { code: string }) => e.code)).toEqual(["breached"])
        const clean = await api.post("/store/password-strength", { password: CLEAN }, { headers: pk })
        expect(clean.data.strength).toMatchObject({ valid: true, errors: [] })

        const jane = await registerCustomer(api, pk, { email: "jane@example.com", password: CLEAN })
        const adminMeter = await api.post(`/admin/customers/${jane.customer.id}/password-strength`, { password: BREACHED_2 }, admin)
        expect(adminMeter.data.strength.errors.map((e: { code: string }) => e.code)).toEqual(["breached"])
      })

      it("do not screen a password the local rules already refuse", async () => {
        await api.post("/store/password-strength", { password: "password" }, { headers: pk })
        expect(range.requests).toEqual([])
      })
    })

    describe("when the service cannot answer", () => {
      it.each(["hang", "unavailable"] as const)("accepts the password with onUnavailable allow (%s)", async (mode) => {
        range.mode = mode
        const response = await register(`${mode}@example.com`, BREACHED)
        expect(response.status).toEqual(200)
        expect(range.requests).toHaveLength(1)
      })

      it.each(["hang", "unavailable"] as const)("refuses the password with onUnavailable refuse (%s), never a 500", async (mode) => {
        const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
        const options = security.passwords.breaches!.options as { onUnavailable: string }
        options.onUnavailable = "refuse"
        try {
          range.mode = mode
          const response = await register(`${mode}@example.com`, CLEAN)
          expect(response.status).toEqual(400)
          expect(codes(response)).toEqual(["breach_check_unavailable"])
          range.mode = "ok"
          expect((await register(`${mode}@example.com`, CLEAN)).status).toEqual(200)
        } finally {
          options.onUnavailable = "allow"
        }
      })
    })

    describe("checkOnLogin", () => {
      const securityOf = async (headers: Record<string, string>) =>
        (await api.get("/store/customers/me/security", { headers })).data.security

      it("marks an account whose password turns up in a breach, tells the customer once, and never blocks the login", async () => {
        const jane = await registerCustomer(api, pk, { email: "jane@example.com", password: CLEAN })
        const lookAlike = await registerCustomer(api, pk, { email: "john@example.com", password: CLEAN_2 })
        await backgroundSettled()
        expect(await securityOf(jane.headers)).toEqual({ password_change: null })

        // The password later appears in a breach corpus.
        range.add(CLEAN, 2)
        const first = await login(jane.email, CLEAN)
        expect(first.status).toEqual(200)
        await backgroundSettled()
        const marked = await securityOf(jane.headers)
        expect(marked).toEqual({ password_change: { reason: "breached", since: expect.any(String) } })
        expect(await securityOf(lookAlike.headers)).toEqual({ password_change: null })
        expect(sentMessages(jane.email, PASSWORD_BREACHED_TEMPLATE)).toHaveLength(1)
        const adminView = await api.get(`/admin/customers/${jane.customer.id}/security`, admin)
        expect(adminView.data.security.password_change).toEqual(marked.password_change)

        // Another login: still 200, no second e-mail, the first date kept.
        expect((await login(jane.email, CLEAN)).status).toEqual(200)
        await backgroundSettled()
        expect(sentMessages(jane.email, PASSWORD_BREACHED_TEMPLATE)).toHaveLength(1)
        expect(await securityOf(jane.headers)).toEqual(marked)

        // A new password lifts the mark.
        const changed = await send(
          api.post("/store/customers/me/password", { old_password: CLEAN, new_password: CLEAN_3 }, { headers: jane.headers })
        )
        expect(changed.status).toEqual(200)
        const relogin = await login(jane.email, CLEAN_3)
        expect(await securityOf({ ...pk, authorization: `Bearer ${relogin.data.token}` })).toEqual({ password_change: null })
      })

      it("does not screen a wrong password", async () => {
        const jane = await registerCustomer(api, pk, { email: "jane@example.com", password: CLEAN })
        await backgroundSettled()
        range.requests.length = 0
        expect((await login(jane.email, BREACHED)).status).toEqual(401)
        await backgroundSettled()
        expect(range.requests).toEqual([])
        expect(await securityOf(jane.headers)).toEqual({ password_change: null })
      })

      it("needs a customer session", async () => {
        expect((await send(api.get("/store/customers/me/security", { headers: pk }))).status).toEqual(401)
      })
    })
  },
})
