import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { createAdmin, createPublishableKey, registerCustomer, send, type TestAdmin, type TestCustomer } from "./helpers/auth"
import { eventually } from "./helpers/events"
import { clearOutbox, sentMessages, waitForMessages } from "./helpers/outbox"
import { totpCode, wrongTotpCode } from "./helpers/totp"

jest.setTimeout(240 * 1000)

const PASSWORD = "a long and unusual passphrase 42"
const MFA_RESET_TEMPLATE = "customer-mfa-reset"

/*
 * MFA on Medusa's own primitives (TOTP factors, challenges, recovery codes),
 * driven through Medusa's /auth/mfa routes with codes computed here as an
 * authenticator app would: the plugin counts wrong codes toward its lockout
 * and lets an admin remove a customer's factors.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let knex: Knex
    let pk: Record<string, string>
    let admin: TestAdmin
    let jane: TestCustomer

    const bearer = (token: string) => ({ headers: { ...pk, authorization: `Bearer ${token}` } })
    const login = (email = jane.email, password = PASSWORD) =>
      send(api.post("/auth/customer/emailpass", { email, password }))
    /** Enrolls a TOTP factor for the logged-in customer and confirms it with a code; returns its secret. */
    const enrollTotp = async (customer: TestCustomer = jane) => {
      const started = await api.post("/auth/mfa/factors", { provider: "totp", label: "Phone" }, customer)
      const { secret, mfa_factor } = started.data
      expect(mfa_factor).toMatchObject({ provider: "totp", status: "pending" })
      const verified = await api.post(`/auth/mfa/factors/${mfa_factor.id}/verify`, { code: totpCode(secret) }, customer)
      expect(verified.data.mfa_factor.status).toEqual("enabled")
      return { secret: secret as string, factorId: mfa_factor.id as string }
    }
    /** Password first: Medusa answers with a challenge and an actorless token. */
    const startChallenge = async () => {
      const first = await login()
      expect(first.status).toEqual(200)
      expect(first.data).toMatchObject({ mfa_required: true, mfa_challenge: { id: expect.any(String) }, token: expect.any(String) })
      return { challengeId: first.data.mfa_challenge.id as string, methods: first.data.mfa_challenge.methods, token: first.data.token as string }
    }
    const verifyChallenge = (challenge: { challengeId: string; token: string }, code: string, method = "totp") =>
      send(api.post(`/auth/mfa/challenges/${challenge.challengeId}/verify`, { method, code }, bearer(challenge.token)))
    const securityOf = async (customerId: string) =>
      (await api.get(`/admin/customers/${customerId}/security`, admin)).data.security
    const attempts = async (outcome?: string) =>
      Number((await knex("login_attempt").where(outcome ? { outcome } : {}).count({ n: "*" }))[0].n)
    const activity = async (customerId: string) =>
      (await api.get(`/admin/customers/${customerId}/activity?kind=security&limit=100`, admin)).data.activities as {
        type: string
        data: Record<string, unknown>
        actor: { type: string; id: string | null }
      }[]

    beforeEach(async () => {
      container = getContainer()
      knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      clearOutbox()
      pk = await createPublishableKey(container)
      admin = await createAdmin(api, container)
      jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
    })

    it("a right code after the right password logs in; wrong and reused codes do not; the admin and the timeline see it", async () => {
      const { secret } = await enrollTotp()
      const challenge = await startChallenge()
      expect(challenge.methods).toEqual(["totp"])
      // The actorless token of the first factor opens no account.
      expect((await send(api.get("/store/customers/me", bearer(challenge.token)))).status).toEqual(401)

      const wrong = await verifyChallenge(challenge, wrongTotpCode(secret))
      expect(wrong.status).toEqual(400)
      expect(wrong.data.message).toEqual("Invalid MFA challenge code")

      const right = await verifyChallenge(challenge, totpCode(secret))
      expect(right.status).toEqual(200)
      const me = await api.get("/store/customers/me", bearer(right.data.token))
      expect(me.data.customer.id).toEqual(jane.customer.id)
      // A completed challenge cannot be used again, with any code.
      const reused = await verifyChallenge(challenge, totpCode(secret, { stepOffset: 1 }))
      expect(reused.status).toEqual(400)
      expect(reused.data.message).toMatch(/already been completed/)

      const { data: mfa } = await api.get(`/admin/customers/${jane.customer.id}/mfa`, admin)
      expect(mfa).toEqual({
        customer_id: jane.customer.id,
        enabled: true,
        mfa_factors: [
          { id: expect.any(String), provider: "totp", status: "enabled", label: "Phone", created_at: expect.any(String), updated_at: expect.any(String) },
        ],
      })
      expect(JSON.stringify(mfa)).not.toContain(secret)

      const entries = await eventually(async () => {
        const found = await activity(jane.customer.id)
        return found.some((entry) => entry.type === "login.succeeded" && entry.data.factor === "mfa") &&
          found.some((entry) => entry.type === "login.failed") &&
          found.some((entry) => entry.type === "mfa.enabled")
          ? found
          : null
      })
      expect(entries.find((entry) => entry.type === "login.failed")?.data).toEqual({ actor_type: "customer", factor: "mfa" })
      expect(entries.find((entry) => entry.type === "mfa.enabled")).toMatchObject({
        actor: { type: "customer", id: jane.customer.id },
        data: { provider: "totp" },
      })
      // The right password alone was not a login: one success (the code), one failure (the wrong code).
      expect(entries.filter((entry) => entry.type === "login.succeeded")).toHaveLength(2)
    })

    it("counts wrong codes toward the lockout across challenges: a known password buys no fresh guesses", async () => {
      const { secret } = await enrollTotp()
      await eventually(async () => (await attempts("success")) >= 1)
      const before = await attempts()
      // Medusa allows 5 wrong codes per challenge; each password login opens a new one.
      const first = await startChallenge()
      const statuses: number[] = []
      for (let i = 0; i < 4; i++) {
        statuses.push((await verifyChallenge(first, wrongTotpCode(secret))).status)
      }
      const second = await startChallenge()
      statuses.push((await verifyChallenge(second, wrongTotpCode(secret))).status)
      expect(statuses).toEqual([400, 400, 400, 400, 400])
      await eventually(async () => (await attempts()) >= before + 5)
      expect(await attempts("failure")).toEqual(5)

      const state = await securityOf(jane.customer.id)
      expect(state).toMatchObject({ locked: true, failed_attempts: 5 })
      // Locked: the right code is refused unchecked, and so is the right password.
      const lockedCode = await verifyChallenge(second, totpCode(secret))
      expect(lockedCode.status).toEqual(429)
      expect(Number(lockedCode.headers["retry-after"])).toBeGreaterThan(0)
      const lockedPassword = await login()
      expect(lockedPassword.status).toEqual(429)
      await waitForMessages(jane.email, "customer-account-locked")

      // The admin unlocks; the challenge Medusa still holds takes the right code.
      await api.post(`/admin/customers/${jane.customer.id}/security/unlock`, {}, admin)
      const third = await startChallenge()
      expect((await verifyChallenge(third, totpCode(secret))).status).toEqual(200)
      expect((await securityOf(jane.customer.id)).failed_attempts).toEqual(0)
    })

    it("a code that completed one challenge does not complete another (a replayed code counts as wrong)", async () => {
      const { secret } = await enrollTotp()
      const step = () => Math.floor(Date.now() / 30_000)
      const first = step()
      const code = totpCode(secret)
      expect((await verifyChallenge(await startChallenge(), code)).status).toEqual(200)
      // Someone who saw the code tries it on their own login within its 90 s of validity.
      const replay = await verifyChallenge(await startChallenge(), code)
      expect(replay.status).toEqual(400)
      expect(replay.data.message).toEqual("Invalid MFA challenge code")
      await eventually(async () => (await attempts("failure")) === 1)
      // Two parallel replays of a fresh code: exactly one completes.
      const next = totpCode(secret, { at: first * 30_000, stepOffset: 1 })
      const [a, b] = [await startChallenge(), await startChallenge()]
      const both = await Promise.all([verifyChallenge(a, next), verifyChallenge(b, next)])
      expect(both.map((response) => response.status).sort()).toEqual([200, 400])
      // A wrong code claims nothing: the right one still works after it.
      const later = await startChallenge()
      expect((await verifyChallenge(later, wrongTotpCode(secret))).status).toEqual(400)
      // An unused step Medusa still accepts (its window is one step either side of now).
      const unused = step() === first ? -1 : 1
      expect((await verifyChallenge(later, totpCode(secret, { stepOffset: unused }))).status).toEqual(200)
    })

    it("refuses a right code on an expired challenge without counting it, and a new login works", async () => {
      const { secret } = await enrollTotp()
      const challenge = await startChallenge()
      // Medusa keeps challenges in its cache module for 5 minutes: age this one past its end.
      const cache = container.resolve(Modules.CACHE)
      const key = `auth:mfa:challenge:${challenge.challengeId}`
      const stored = (await cache.get(key)) as Record<string, unknown>
      await cache.set(key, { ...stored, expires_at: new Date(Date.now() - 1000) }, 60)
      const expired = await verifyChallenge(challenge, totpCode(secret))
      expect([expired.status, expired.data.message]).toEqual([400, "MFA challenge has expired"])
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(await attempts("failure")).toEqual(0)
      expect((await verifyChallenge(await startChallenge(), totpCode(secret))).status).toEqual(200)
    })

    it("challenges answered in parallel cannot exceed the lockout's budget", async () => {
      const { secret } = await enrollTotp()
      const challenges = [await startChallenge(), await startChallenge(), await startChallenge()]
      const responses = await Promise.all(
        Array.from({ length: 15 }, (_, i) => verifyChallenge(challenges[i % 3], wrongTotpCode(secret)))
      )
      const statuses = responses.map((response) => response.status)
      // Exactly maxAttempts (5) codes are checked; the rest are refused unchecked.
      expect(statuses.filter((status) => status === 400)).toHaveLength(5)
      expect(statuses.filter((status) => status === 429)).toHaveLength(10)
    })

    describe("admin reset", () => {
      it("removes the factors and recovery codes after the admin's confirmation: audited, e-mailed, password-only login", async () => {
        const { secret } = await enrollTotp()
        // Recovery codes need a session that passed MFA.
        const challenge = await startChallenge()
        const session = bearer((await verifyChallenge(challenge, totpCode(secret))).data.token)
        const { data: recovery } = await api.post("/auth/mfa/recovery-codes", { count: 3 }, session)
        expect(recovery.recovery_codes).toHaveLength(3)

        const reset = await api.post(`/admin/customers/${jane.customer.id}/mfa/reset`, {}, admin)
        expect(reset.data).toEqual({
          customer_id: jane.customer.id,
          enabled: false,
          mfa_factors: [expect.objectContaining({ provider: "totp", status: "disabled" })],
          removed: [expect.objectContaining({ provider: "totp", status: "disabled" })],
        })
        const [mail] = await waitForMessages(jane.email, MFA_RESET_TEMPLATE)
        expect(mail.data).toMatchObject({ subject: "Two-step verification was removed from your account", locale: "en" })
        const entry = await eventually(async () => (await activity(jane.customer.id)).find((found) => found.type === "mfa.reset"))
        expect(entry).toMatchObject({ actor: { type: "user", id: admin.user.id }, data: { factors: [{ provider: "totp" }] } })

        // The password alone logs in now.
        const plain = await login()
        expect(plain.status).toEqual(200)
        expect(plain.data.mfa_required).toBeUndefined()
        expect((await api.get("/store/customers/me", bearer(plain.data.token))).data.customer.id).toEqual(jane.customer.id)

        // Enrolling again starts clean: the old recovery codes are gone for good.
        const again = await enrollTotp({ ...jane, headers: bearer(plain.data.token).headers })
        const next = await startChallenge()
        expect(next.methods).toEqual(["totp"])
        expect((await verifyChallenge(next, recovery.recovery_codes[0], "recovery_code")).status).toEqual(400)
        expect((await verifyChallenge(next, totpCode(again.secret))).status).toEqual(200)
      })

      it("a reset of a customer without factors changes nothing but still tells and records it", async () => {
        const reset = await api.post(`/admin/customers/${jane.customer.id}/mfa/reset`, {}, admin)
        expect(reset.data).toEqual({ customer_id: jane.customer.id, enabled: false, mfa_factors: [], removed: [] })
        await waitForMessages(jane.email, MFA_RESET_TEMPLATE)
        expect((await login()).data.token).toEqual(expect.any(String))
      })

      it("refuses guests, unknown customers, bodies and customers' tokens, and removes nothing", async () => {
        await enrollTotp()
        const guest = (await api.post("/admin/customers", { email: "guest@example.com" }, admin)).data.customer
        const reset = (id: string, body: unknown = {}, options: object = admin) =>
          send(api.post(`/admin/customers/${id}/mfa/reset`, body, options))
        const read = (id: string, options: object = admin) => send(api.get(`/admin/customers/${id}/mfa`, options))
        expect((await reset(guest.id)).status).toEqual(404)
        expect((await read(guest.id)).status).toEqual(404)
        expect((await reset("cus_missing")).status).toEqual(404)
        expect((await read("cus_missing")).status).toEqual(404)
        expect((await reset(jane.customer.id, {}, jane)).status).toEqual(401)
        expect((await read(jane.customer.id, jane)).status).toEqual(401)
        const withBody = await reset(jane.customer.id, { confirm: true })
        expect(withBody.status).toEqual(400)
        expect(withBody.data.message).toMatch(/confirm/)
        const factors = await container.resolve(Modules.AUTH).listAuthMfa({ status: "enabled" })
        expect(factors).toHaveLength(1)
        await new Promise((resolve) => setTimeout(resolve, 500))
        expect(sentMessages(jane.email, MFA_RESET_TEMPLATE)).toEqual([])
      })
    })
  },
})
