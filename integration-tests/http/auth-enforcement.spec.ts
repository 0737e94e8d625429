import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { AxiosResponse } from "axios"
import fc from "fast-check"
import { installPasswordGuard } from "../../src/api/auth/guarded-auth-module"
import { ACCOUNT_SECURITY_MODULE } from "../../src/modules/account-security"
import type AccountSecurityModuleService from "../../src/modules/account-security/service"
import { REDACTED_RESET_URL } from "../../src/subscribers/send-password-reset-email"
import {
  changeCustomerPasswordWorkflow,
  sendCustomerPasswordResetWorkflow,
} from "../../src/workflows/customer-password"
import {
  createAdmin,
  createPublishableKey,
  registerCustomer,
  send,
  type TestAdmin,
  type TestCustomer,
} from "./helpers/auth"
import { attemptsLogged } from "./helpers/attempts"
import { fillRoute, registeredAuthRoutes } from "./helpers/auth-routes"
import { backgroundSettled, captureEvents, eventually } from "./helpers/events"
import { clearOutbox, resetTokenSentTo, sentMessages, waitForMessages } from "./helpers/outbox"

jest.setTimeout(600 * 1000)

/**
 * The guarantees of the lockout, the password policy and the reset limits
 * hold wherever Medusa checks, sets or resets an emailpass password: every
 * route Medusa registers under /auth, every method, percent-encoding, case,
 * trailing slash and actor type, and custom code that calls the auth module.
 * Written from the attacker's side (each finding of the review that found
 * the guards on literal paths has a test here), with the happy paths beside.
 */

const PASSWORD = "a long and unusual passphrase 42"
const NEW_PASSWORD = "violet tractor whispers at noon 7"
const ADMIN_PASSWORD = "admin-password-1"
const LOCKED_BODY = { type: "not_allowed", message: "Too many failed login attempts. Try again later." }

/** A response that grants a session: 200 with a JWT. */
const grantsToken = (response: AxiosResponse) =>
  response.status === 200 && typeof response.data?.token === "string"

let ipCounter = 0
/** A fresh client IP per request (the specs play the proxy), so no IP block interferes unless wanted. */
const freshIp = () => {
  ipCounter += 1
  return `198.18.${(ipCounter >> 8) & 255}.${ipCounter & 255}`
}

/** Percent-encodes each character of `text` with probability given by `mask` bits, in either hex case. */
function spell(text: string, mask: number[], upperHex: boolean[], upperChar: boolean[]): string {
  return [...text]
    .map((char, i) => {
      const cased = upperChar[i % upperChar.length] ? char.toUpperCase() : char
      if (!mask[i % mask.length]) {
        return cased
      }
      const hex = cased.charCodeAt(0).toString(16).padStart(2, "0")
      return `%${upperHex[i % upperHex.length] ? hex.toUpperCase() : hex}`
    })
    .join("")
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let security: AccountSecurityModuleService
    let pk: Record<string, string>
    let jane: TestCustomer
    let admin: TestAdmin

    /** Any request, from a given client IP, answering any status. */
    const request = (
      method: string,
      url: string,
      body: Record<string, unknown> | undefined,
      { ip = freshIp(), headers = {} }: { ip?: string; headers?: Record<string, string> } = {}
    ) =>
      send(
        api.request({
          method,
          url,
          data: body,
          headers: { "x-forwarded-for": ip, ...headers },
        })
      )
    const login = (email: string, password: string, ip?: string) =>
      request("POST", "/auth/customer/emailpass", { email, password }, { ip })
    const adminLogin = (email: string, password: string, ip?: string) =>
      request("POST", "/auth/user/emailpass", { email, password }, { ip })

    /** Failed password checks logged for an identifier (the log is the last write of a settled attempt). */
    const failuresOf = async (identifier: string) =>
      (await security.listLoginAttempts({ identifier, outcome: "failure" })).length
    /** Waits until the attempt log holds `count` entries for the identifier. */
    const loggedAttempts = (identifier: string, count: number) =>
      eventually(async () => (await attemptsLogged(security, { identifier })) >= count, {
        timeoutMs: 20_000,
      })
    /** Whether a failure was logged for the identifier beyond `before` (the log is written just after the answer). */
    const countedSince = (identifier: string, before: number) =>
      eventually(async () => (await failuresOf(identifier)) > before, { timeoutMs: 5000 })
        .then(() => true)
        .catch(() => false)
    const lockedState = async (identifier: string) => (await security.lockout.stateOf(identifier)).locked
    const lock = async (email: string) => {
      for (let i = 0; i < 5; i++) {
        await login(email, `wrong guess ${i}`)
      }
      await eventually(() => lockedState(email.toLowerCase()), { timeoutMs: 20_000 })
    }

    beforeEach(async () => {
      container = getContainer()
      security = container.resolve(ACCOUNT_SECURITY_MODULE)
      pk = await createPublishableKey(container)
      jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
      admin = await createAdmin(api, container, { password: ADMIN_PASSWORD })
      await loggedAttempts(admin.user.email, 1)
      clearOutbox()
    })

    describe("every route Medusa registers under /auth", () => {
      it("is found by reading the app's routes, not a list", async () => {
        const routes = (await registeredAuthRoutes(container)).map(({ method, path }) => `${method} ${path}`)
        expect(routes).toEqual(
          expect.arrayContaining([
            "POST /auth/:actor_type/:auth_provider",
            "GET /auth/:actor_type/:auth_provider",
            "HEAD /auth/:actor_type/:auth_provider",
            "POST /auth/:actor_type/:auth_provider/register",
            "POST /auth/:actor_type/:auth_provider/update",
            "POST /auth/:actor_type/:auth_provider/reset-password",
            "POST /auth/:actor_type/:auth_provider/callback",
            "POST /auth/:auth_provider/user",
            "POST /auth/session",
          ])
        )
      })

      it("either counts a wrong password or answers a right and a wrong one alike, for every actor type", async () => {
        // An identity without an actor: the register route checks its password.
        await request("POST", "/auth/customer/emailpass/register", { email: "loner@example.com", password: PASSWORD })
        const subjects = [jane.email, "loner@example.com"]
        const routes = await registeredAuthRoutes(container)
        const checked: string[] = []
        for (const { method, path } of routes) {
          for (const actorType of ["customer", "user", "seller"]) {
            for (const email of subjects) {
              const url = fillRoute(path, { actor_type: actorType, auth_provider: "emailpass", id: "authmfa_x" })
              const body = (password: string) => ({ email, password, identifier: email, code: "000000", method: "totp" })
              const before = await failuresOf(email)
              const wrong = await request(method, url, body("a wrong password 1"))
              const right = await request(method, url, body(PASSWORD))
              const alike =
                wrong.status === right.status && JSON.stringify(wrong.data) === JSON.stringify(right.data)
              if (!alike) {
                // The answer depends on the password: the wrong guess must have counted.
                const wrongCounted = await countedSince(email, before)
                expect({ route: `${method} ${url}`, wrongCounted }).toEqual({ route: `${method} ${url}`, wrongCounted: true })
                checked.push(`${method} ${path} (${actorType})`)
              }
              await security.lockout.clear("identifier", email)
            }
          }
        }
        // The password-checking routes were reached (the test would prove nothing otherwise).
        expect(checked).toEqual(
          expect.arrayContaining([
            "POST /auth/:actor_type/:auth_provider (customer)",
            "GET /auth/:actor_type/:auth_provider (user)",
            "HEAD /auth/:actor_type/:auth_provider (seller)",
            "POST /auth/:actor_type/:auth_provider/register (customer)",
          ])
        )
      })

      it("never gives a locked account a token, on any route, method or actor type", async () => {
        await request("POST", "/auth/customer/emailpass/register", { email: "loner@example.com", password: PASSWORD })
        await lock(jane.email)
        await lock("loner@example.com")
        for (const { method, path } of await registeredAuthRoutes(container)) {
          for (const actorType of ["customer", "user", "seller"]) {
            for (const email of [jane.email, "loner@example.com"]) {
              const url = fillRoute(path, { actor_type: actorType, auth_provider: "emailpass", id: "authmfa_x" })
              const response = await request(method, url, { email, password: PASSWORD, identifier: email })
              expect({ route: `${method} ${url}`, token: grantsToken(response) }).toEqual({
                route: `${method} ${url}`,
                token: false,
              })
            }
          }
        }
      })
    })

    describe("spellings of the login route", () => {
      it("locks through percent-encoded paths, GET with a JSON body and HEAD, like the plain route", async () => {
        const spellings: [string, string][] = [
          ["POST", "/auth/%63ustomer/emailpass"],
          ["POST", "/auth/customer/%65mailpass"],
          ["GET", "/auth/customer/emailpass"],
          ["HEAD", "/AUTH/Customer/emailpass/"],
          ["POST", "/auth/customer/emailpass/"],
        ]
        for (const [method, url] of spellings) {
          await request(method, url, { email: jane.email, password: "wrong guess" })
        }
        await eventually(async () => (await failuresOf(jane.email)) === 5, { timeoutMs: 20_000 })
        expect(await lockedState(jane.email)).toBe(true)
        for (const [method, url] of spellings) {
          const refused = await request(method, url, { email: jane.email, password: PASSWORD })
          expect(refused.status).toEqual(429)
          if (method !== "HEAD") {
            expect(refused.data).toEqual(LOCKED_BODY)
          }
        }
        expect((await login(jane.email, PASSWORD)).status).toEqual(429)
      })

      it("holds for generated spellings: a locked account never gets a token, and every answer that depends on the password counts", async () => {
        const victim = jane.email
        await lock(victim)
        const bob = await registerCustomer(api, pk, { email: "bob@example.com", password: PASSWORD })
        const spelling = fc.record({
          method: fc.constantFrom("GET", "POST", "HEAD"),
          actor: fc.constantFrom("customer", "user", "seller"),
          actorMask: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 8 }),
          providerMask: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 9 }),
          upperHex: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
          upperActor: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
          upperProvider: fc.array(fc.boolean(), { minLength: 1, maxLength: 9 }),
          prefix: fc.constantFrom("/auth", "/AUTH", "/Auth"),
          slash: fc.constantFrom("", "/"),
        })
        await fc.assert(
          fc.asyncProperty(spelling, async (s) => {
            const url = `${s.prefix}/${spell(s.actor, s.actorMask, s.upperHex, s.upperActor)}/${spell(
              "emailpass",
              s.providerMask,
              s.upperHex,
              s.upperProvider
            )}${s.slash}`
            const onVictim = await request(s.method, url, { email: victim, password: PASSWORD })
            expect(grantsToken(onVictim)).toBe(false)

            const before = await failuresOf(bob.email)
            const wrong = await request(s.method, url, { email: bob.email, password: "a wrong password 2" })
            const right = await request(s.method, url, { email: bob.email, password: PASSWORD })
            const alike = wrong.status === right.status && JSON.stringify(wrong.data) === JSON.stringify(right.data)
            if (!alike) {
              // The answer tells a right password from a wrong one: the wrong one must have counted.
              expect({ url, method: s.method, counted: await countedSince(bob.email, before) }).toEqual({
                url,
                method: s.method,
                counted: true,
              })
            }
            await security.lockout.clear("identifier", bob.email)
          }),
          { numRuns: 60 }
        )
      })
    })

    describe("the guarded auth module, without any route", () => {
      it("refuses a locked identifier and counts wrong passwords when custom code calls authenticate", async () => {
        const scope = container.createScope()
        const listeners: (() => void)[] = []
        const req = {
          scope,
          params: {},
          headers: { "x-forwarded-for": "203.0.113.77" },
          ip: "203.0.113.77",
          socket: { remoteAddress: "127.0.0.1" },
          get: () => undefined,
        }
        const res = { setHeader: () => undefined, on: (_: string, listener: () => void) => listeners.push(listener) }
        installPasswordGuard(req as never, res as never, () => undefined)
        const auth = scope.resolve(Modules.AUTH)

        const wrong = await auth.authenticate("emailpass", { body: { email: jane.email, password: "custom code guess" } })
        expect(wrong.success).toBe(false)
        await eventually(async () => (await failuresOf(jane.email)) === 1)

        await lock(jane.email)
        const lockedScope = container.createScope()
        installPasswordGuard({ ...req, scope: lockedScope } as never, res as never, () => undefined)
        await expect(
          lockedScope.resolve(Modules.AUTH).authenticate("emailpass", { body: { email: jane.email, password: PASSWORD } })
        ).rejects.toMatchObject({ status: 429, message: LOCKED_BODY.message })
        listeners.forEach((listener) => listener())
      })
    })

    describe("Back Office users", () => {
      it("lock after maxAttempts wrong passwords, are told by e-mail, and another admin can unlock them", async () => {
        const capture = captureEvents(container)
        try {
          for (let i = 0; i < 5; i++) {
            expect((await adminLogin(admin.user.email, `wrong admin guess ${i}`)).status).toEqual(401)
          }
          await eventually(() => lockedState(admin.user.email), { timeoutMs: 20_000 })
          const refused = await adminLogin(admin.user.email, ADMIN_PASSWORD)
          expect(refused.status).toEqual(429)
          expect(refused.data).toEqual(LOCKED_BODY)
          expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)

          const [mail] = await waitForMessages(admin.user.email, "user-account-locked")
          expect(mail.data).toEqual(
            expect.objectContaining({
              email: admin.user.email,
              lock_count: 1,
              // No language stored for the user: the defaultLocale option.
              locale: "en",
              language: "en",
              subject: "Your admin login has been locked",
            })
          )
          expect(capture.named("user_account.locked")).toEqual([
            expect.objectContaining({ data: expect.objectContaining({ user_id: admin.user.id, actor_type: "user" }) }),
          ])
          expect(capture.named("customer_account.locked")).toEqual([])

          const other = await createAdmin(api, container, { email: "otto@example.com", password: ADMIN_PASSWORD })
          const state = (await api.get(`/admin/users/${admin.user.id}/security`, other)).data.security
          expect(state).toEqual(
            expect.objectContaining({ identifier: admin.user.email, locked: true, failed_attempts: 5, lock_count_24h: 1 })
          )
          expect(state.recent_attempts[0]).toEqual(
            expect.objectContaining({ outcome: "refused", actor_type: "user", ip: expect.any(String) })
          )
          expect(state.recent_attempts.filter((a: { outcome: string }) => a.outcome === "failure")).toHaveLength(5)

          const unlock = await api.post(`/admin/users/${admin.user.id}/security/unlock`, {}, other)
          expect(unlock.data).toEqual({ user_id: admin.user.id, unlocked: true, was_locked: true })
          expect(capture.named("user_account.unlocked")).toEqual([
            expect.objectContaining({ data: expect.objectContaining({ user_id: admin.user.id, actor_id: other.user.id }) }),
          ])
          expect((await adminLogin(admin.user.email, ADMIN_PASSWORD)).status).toEqual(200)
        } finally {
          capture.stop()
        }
      })

      it("are told in the language of their metadata.locale (Medusa stores none for users)", async () => {
        await container.resolve(Modules.USER).updateUsers({ id: admin.user.id, metadata: { locale: "de-de" } })
        for (let i = 0; i < 5; i++) {
          expect((await adminLogin(admin.user.email, `falsch ${i}`)).status).toEqual(401)
        }
        const [mail] = await waitForMessages(admin.user.email, "user-account-locked", 1, 20_000)
        expect(mail.data).toEqual(
          expect.objectContaining({
            locale: "de-DE",
            language: "de",
            subject: "Ihre Admin-Anmeldung wurde gesperrt",
            unlock_hint: expect.stringMatching(/^Ein anderer Admin kann Ihr Konto entsperren/),
          })
        )
        expect(mail.data.text).toContain("Hallo Ada,")
        expect(mail.data.text).toMatch(/bis .* UTC gesperrt\./)
      })

      it("answers unknown and known e-mails alike on the Back Office route", async () => {
        const statuses = async (email: string) => {
          const seen: number[] = []
          for (let i = 0; i < 6; i++) {
            const response = await adminLogin(email, `guess ${i}`)
            seen.push(response.status)
            if (response.status === 401) {
              expect(response.data).toEqual({ type: "unauthorized", message: "Invalid email or password" })
            }
          }
          return seen
        }
        expect(await statuses("nobody@example.com")).toEqual(await statuses(admin.user.email))
      })

      it("count a customer's password tried through the Back Office route, and refuse it while locked", async () => {
        for (let i = 0; i < 5; i++) {
          expect((await adminLogin(jane.email, `through the admin door ${i}`)).status).toEqual(401)
        }
        await eventually(() => lockedState(jane.email), { timeoutMs: 20_000 })
        expect((await login(jane.email, PASSWORD)).status).toEqual(429)
        const viaUserRoute = await adminLogin(jane.email, PASSWORD)
        expect(viaUserRoute.status).toEqual(429)
        expect(grantsToken(viaUserRoute)).toBe(false)
        const [attempt] = await security.listLoginAttempts(
          { identifier: jane.email, outcome: "failure" },
          { order: { attempted_at: "DESC" }, take: 1 }
        )
        expect(attempt).toEqual(expect.objectContaining({ actor_type: "user", customer_id: jane.customer.id, user_id: null }))
      })

      it("refuse unknown users and IPs the user was not tried from, and bad input", async () => {
        expect((await send(api.get(`/admin/users/user_missing/security`, admin))).status).toEqual(404)
        expect((await send(api.post(`/admin/users/user_missing/security/unlock`, {}, admin))).status).toEqual(404)
        const elsewhere = await send(
          api.post(`/admin/users/${admin.user.id}/security/unblock-ip`, { ip: "203.0.113.200" }, admin)
        )
        expect(elsewhere.status).toEqual(404)
        const notAnIp = await send(api.post(`/admin/users/${admin.user.id}/security/unblock-ip`, { ip: "x" }, admin))
        expect(notAnIp.status).toEqual(400)
        expect(notAnIp.data.message).toContain("must be an IPv4 or IPv6 address")
        const extra = await send(api.post(`/admin/users/${admin.user.id}/security/unlock`, { force: true }, admin))
        expect(extra.status).toEqual(400)
        expect((await send(api.get(`/admin/users/${admin.user.id}/security`))).status).toEqual(401)
        expect((await send(api.get(`/admin/users/${admin.user.id}/security`, { headers: jane.headers }))).status).toEqual(401)
      })
    })

    describe("registration, reset and reset completion through other spellings", () => {
      it("applies the policy to registrations on encoded paths and other actor types", async () => {
        for (const url of [
          "/auth/customer/%65mailpass/register",
          "/auth/%63ustomer/emailpass/register",
          "/auth/user/emailpass/register",
          "/auth/seller/emailpass/register/",
        ]) {
          const weak = await request("POST", url, { email: `weak${url.length}@example.com`, password: "password" })
          expect({ url, status: weak.status }).toEqual({ url, status: 400 })
          expect(weak.data.errors.map((e: { code: string }) => e.code)).toContain("common")
        }
        const identities = await container.resolve(Modules.AUTH).listProviderIdentities({ provider: "emailpass" })
        expect(identities.map((identity) => identity.entity_id).sort()).toEqual([admin.user.email, jane.email].sort())
      })

      it("sends at most maxRequests reset e-mails whatever the spelling, and answers every request alike", async () => {
        const urls = [
          "/auth/customer/emailpass/reset-password",
          "/auth/%63ustomer/emailpass/reset-password",
          "/auth/customer/%65mailpass/reset-password",
          "/AUTH/customer/emailpass/RESET-PASSWORD/",
          "/auth/user/emailpass/reset-password",
          "/auth/seller/emailpass/reset-password",
          "/auth/customer/emailpass/reset-password",
          "/auth/%63ustomer/%65mailpass/reset-password",
        ]
        for (const url of urls) {
          const response = await request("POST", url, { identifier: jane.email })
          expect({ url, status: response.status, data: response.data }).toEqual({ url, status: 201, data: "Created" })
        }
        const counter = await eventually(async () => {
          const [row] = await security.listSecurityCounters({ scope: "password_reset", key: jane.email })
          return row && Number(row.count) === 8 ? row : null
        })
        expect(Number(counter.count)).toEqual(8)
        await waitForMessages(jane.email, "customer-password-reset", 1)
        await backgroundSettled()
        expect(sentMessages(jane.email, "customer-password-reset").length).toBeLessThanOrEqual(3)
      })

      it("applies the policy and the history to reset completions on encoded paths, keeping the token for another try", async () => {
        await request("POST", "/auth/customer/emailpass/reset-password", { identifier: jane.email })
        const token = await resetTokenSentTo(jane.email)
        const bearer = { authorization: `Bearer ${token}` }
        const weak = await request("POST", "/auth/customer/%65mailpass/update", { password: "password" }, { headers: bearer })
        expect(weak.status).toEqual(400)
        expect(weak.data.errors.map((e: { code: string }) => e.code)).toContain("common")
        const reused = await request("POST", "/auth/%63ustomer/emailpass/update/", { password: PASSWORD }, { headers: bearer })
        expect(reused.status).toEqual(400)
        expect(reused.data.errors.map((e: { code: string }) => e.code)).toEqual(["reused"])
        const done = await request("POST", "/AUTH/customer/emailpass/UPDATE", { password: NEW_PASSWORD }, { headers: bearer })
        expect(done.status).toEqual(200)
        expect((await login(jane.email, NEW_PASSWORD)).status).toEqual(200)
      })
    })

    describe("reset tokens", () => {
      const complete = (token: string, password: string, url = "/auth/customer/emailpass/update") =>
        request("POST", url, { password }, { headers: { authorization: `Bearer ${token}` } })

      it("answer a spent token with Medusa's 401, whatever the password (no policy or history oracle)", async () => {
        await request("POST", "/auth/customer/emailpass/reset-password", { identifier: jane.email })
        const token = await resetTokenSentTo(jane.email)
        expect((await complete(token, NEW_PASSWORD)).status).toEqual(200)
        for (const password of [NEW_PASSWORD, PASSWORD, "password", "quiet harbour lantern drifting 19"]) {
          const again = await complete(token, password, "/auth/customer/%65mailpass/update")
          expect({ password, status: again.status, data: again.data }).toEqual({
            password,
            status: 401,
            data: { type: "unauthorized", message: "Invalid token" },
          })
        }
      })

      it("answer a superseded token with 401: only the newest link works", async () => {
        await request("POST", "/auth/customer/emailpass/reset-password", { identifier: jane.email })
        const first = await resetTokenSentTo(jane.email, 1)
        await request("POST", "/auth/customer/emailpass/reset-password", { identifier: jane.email })
        const second = await resetTokenSentTo(jane.email, 2)
        expect(second).not.toEqual(first)
        for (const password of [PASSWORD, "password"]) {
          expect((await complete(first, password)).status).toEqual(401)
        }
        expect((await complete(second, NEW_PASSWORD)).status).toEqual(200)
      })

      it("are void after the customer changes the password", async () => {
        await request("POST", "/auth/customer/emailpass/reset-password", { identifier: jane.email })
        const token = await resetTokenSentTo(jane.email)
        const change = await api.post(
          "/store/customers/me/password",
          { old_password: PASSWORD, new_password: NEW_PASSWORD },
          { headers: jane.headers }
        )
        expect(change.status).toEqual(200)
        const stale = await complete(token, "quiet harbour lantern drifting 19")
        expect(stale.status).toEqual(401)
        expect((await login(jane.email, NEW_PASSWORD)).status).toEqual(200)
      })

      it("are void after an admin sets the password, and after a completed reset", async () => {
        await request("POST", "/auth/customer/emailpass/reset-password", { identifier: jane.email })
        const token = await resetTokenSentTo(jane.email)
        await api.post(`/admin/customers/${jane.customer.id}/password`, { password: NEW_PASSWORD }, admin)
        expect((await complete(token, "quiet harbour lantern drifting 19")).status).toEqual(401)

        // A link the admin sent, then the customer's own: the completed one voids the other.
        await sendCustomerPasswordResetWorkflow(container).run({
          input: {
            customer_id: jane.customer.id,
            entity_id: jane.email,
            admin: { id: admin.user.id, label: "Ada Admin" },
            jwt: { secret: container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret as string },
          },
        })
        const adminLink = await resetTokenSentTo(jane.email, 2)
        expect((await complete(adminLink, "quiet harbour lantern drifting 19")).status).toEqual(200)
        expect(await container.resolve(ContainerRegistrationKeys.PG_CONNECTION)("auth_password_reset_token").whereNull("deleted_at")).toEqual([])
      })

      it("never show a live reset link to admins: the stored notification is redacted once delivered", async () => {
        await request("POST", "/auth/customer/emailpass/reset-password", { identifier: jane.email })
        const token = await resetTokenSentTo(jane.email)
        const listed = await eventually(async () => {
          const { data } = await api.get(`/admin/notifications?to=${encodeURIComponent(jane.email)}&fields=*`, admin)
          return data.notifications.length && data.notifications[0].data?.reset_url === REDACTED_RESET_URL ? data : null
        })
        expect(JSON.stringify(listed)).not.toContain(token)
        const one = await api.get(`/admin/notifications/${listed.notifications[0].id}`, admin)
        expect(JSON.stringify(one.data)).not.toContain(token)
        const rows = await container.resolve(ContainerRegistrationKeys.PG_CONNECTION)("notification").select("data")
        expect(JSON.stringify(rows)).not.toContain(token)
        // The link itself still works: it went to the customer.
        expect((await complete(token, NEW_PASSWORD)).status).toEqual(200)
      })
    })

    describe("input the guards cannot store", () => {
      const long = "x".repeat(6000) + "@example.com"

      it("refuses identifiers over 320 characters with a 400 naming the field, and writes nothing", async () => {
        const attemptsBefore = (await security.listLoginAttempts({})).length
        // Jane's registration e-mail was counted (emailVerification's cap); nothing else may be.
        await eventually(async () => (await security.listSecurityCounters({})).length > 0)
        const countersBefore = await security.listSecurityCounters({})
        const cases: [string, string, Record<string, unknown>][] = [
          ["POST", "/auth/customer/emailpass", { email: long, password: PASSWORD }],
          ["GET", "/auth/user/emailpass", { email: long, password: PASSWORD }],
          ["POST", "/auth/customer/emailpass/register", { email: long, password: NEW_PASSWORD }],
          ["POST", "/auth/customer/emailpass/reset-password", { identifier: long }],
        ]
        for (const [method, url, body] of cases) {
          const response = await request(method, url, body)
          expect({ url, status: response.status }).toEqual({ url, status: 400 })
          expect(response.data.message).toMatch(/(email|identifier): must be at most 320 characters/)
        }
        expect((await security.listLoginAttempts({})).length).toEqual(attemptsBefore)
        expect(await security.listLoginThrottles({ scope: "identifier", key: long.toLowerCase() })).toEqual([])
        expect(await security.listSecurityCounters({})).toEqual(countersBefore)
      })

      it("refuses X-Forwarded-For values over the bound or without an IP, and writes nothing", async () => {
        const attemptsBefore = (await security.listLoginAttempts({})).length
        for (const forwarded of ["1".repeat(6000), "not-an-ip", `${"203.0.113.1, ".repeat(100)}203.0.113.2`]) {
          const response = await request("POST", "/auth/customer/emailpass", { email: jane.email, password: PASSWORD }, { ip: forwarded })
          expect(response.status).toEqual(400)
          expect(response.data.message).toMatch(/^X-Forwarded-For: /)
        }
        expect((await security.listLoginAttempts({})).length).toEqual(attemptsBefore)
      })

      it("stores IPs canonically, so the log, the block list and an unblock in any spelling agree", async () => {
        for (const spelled of ["::ffff:203.0.113.7", "::FFFF:CB00:7107", "203.0.113.7"]) {
          await login(jane.email, `wrong from ${spelled}`, spelled)
        }
        await login(jane.email, "wrong from v6", "2001:DB8:0:0:0:0:0:1")
        await eventually(async () => (await failuresOf(jane.email)) === 4)
        const ips = (await security.listLoginAttempts({ identifier: jane.email, outcome: "failure" })).map((a) => a.ip)
        expect(ips.sort()).toEqual(["2001:db8::1", "203.0.113.7", "203.0.113.7", "203.0.113.7"])
        const [ipRow] = await security.listLoginThrottles({ scope: "ip", key: "203.0.113.7" })
        expect(Number(ipRow.attempts)).toEqual(3)

        await security.updateLoginThrottles({ id: ipRow.id, locked_until: new Date(Date.now() + 600_000) })
        const blocked = (await api.get(`/admin/customers/${jane.customer.id}/security`, admin)).data.security.blocked_ips
        expect(blocked.map((block: { ip: string }) => block.ip)).toEqual(["203.0.113.7"])
        const unblock = await api.post(
          `/admin/customers/${jane.customer.id}/security/unblock-ip`,
          { ip: "::FFFF:203.0.113.7" },
          admin
        )
        expect(unblock.data).toEqual(expect.objectContaining({ ip: "203.0.113.7", was_blocked: true }))
      })
    })

    describe("locks of identifiers in another case", () => {
      it("find their customer: activity entry, lock e-mail and customer id", async () => {
        const mixed = await registerCustomer(api, pk, { email: "Mixed-Case@Example.com", password: PASSWORD })
        await lock("mixed-case@example.com")
        const [mail] = await waitForMessages("mixed-case@example.com", "customer-account-locked")
        expect(mail.data).toEqual(expect.objectContaining({ locked_until: expect.any(String) }))
        const locked = await eventually(async () => {
          const { data } = await api.get(`/admin/customers/${mixed.customer.id}/activity?kind=security`, admin)
          return data.activities.find((entry: { type: string }) => entry.type === "account.locked")
        })
        expect(locked).toEqual(expect.objectContaining({ actor: { type: "system", id: null, name: null } }))
        const failures = await security.listLoginAttempts({ identifier: "mixed-case@example.com", outcome: "failure" })
        expect(failures.map((attempt) => attempt.customer_id)).toEqual(Array(5).fill(mixed.customer.id))
        const state = (await api.get(`/admin/customers/${mixed.customer.id}/security`, admin)).data.security
        expect(state.locked).toBe(true)
      })
    })

    describe("audit trail of security actions", () => {
      it("is the activity timeline, not notes an admin could rewrite or delete", async () => {
        await api.post(`/admin/customers/${jane.customer.id}/password-reset`, {}, admin)
        await lock(jane.email)
        await api.post(`/admin/customers/${jane.customer.id}/security/unlock`, {}, admin)
        const types = await eventually(async () => {
          const { data } = await api.get(`/admin/customers/${jane.customer.id}/activity?kind=security`, admin)
          const found = data.activities.map((entry: { type: string }) => entry.type)
          return ["password.reset_requested", "account.locked", "account.unlocked"].every((type) => found.includes(type))
            ? found
            : null
        })
        expect(types).toEqual(expect.arrayContaining(["password.reset_requested", "account.locked", "account.unlocked"]))
        expect((await api.get(`/admin/customers/${jane.customer.id}/notes`, admin)).data.notes).toEqual([])
        // A note an admin writes is still theirs to edit and delete; none can pose as the system's.
        const own = await api.post(`/admin/customers/${jane.customer.id}/notes`, { body: "Called about the lock" }, admin)
        expect(own.data.note.is_system).toBe(false)
        expect((await api.delete(`/admin/customers/${jane.customer.id}/notes/${own.data.note.id}`, admin)).status).toEqual(200)
        const forged = await send(
          api.post(`/admin/customers/${jane.customer.id}/notes`, { body: "forged", is_system: true }, admin)
        )
        expect(forged.status).toEqual(400)
      })
    })

    describe("password workflows run directly", () => {
      it("apply the policy: a weak password is refused and nothing changes", async () => {
        const { errors } = await changeCustomerPasswordWorkflow(container).run({
          input: { customer_id: jane.customer.id, entity_id: jane.email, password: "password" },
          throwOnError: false,
        })
        expect(errors.map((error) => error.error?.message)).toEqual([
          expect.stringContaining("The password does not meet the password policy"),
        ])
        expect((await login(jane.email, PASSWORD)).status).toEqual(200)
        const reused = await changeCustomerPasswordWorkflow(container).run({
          input: { customer_id: jane.customer.id, entity_id: jane.email, password: PASSWORD },
          throwOnError: false,
        })
        expect(reused.errors).toHaveLength(1)
      })
    })
  },
})
