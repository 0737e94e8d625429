import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAdmin, createPublishableKey, registerCustomer, send, type TestAdmin, type TestCustomer } from "./helpers/auth"
import { eventually } from "./helpers/events"

jest.setTimeout(180 * 1000)

process.env.CAM_PLUGIN_OPTIONS = JSON.stringify({
  lockout: { trustedProxyHops: 1 },
  passwordStrength: { maxRequests: 5, windowSeconds: 60 },
})
afterAll(() => {
  delete process.env.CAM_PLUGIN_OPTIONS
})

const PASSWORD = "a long and unusual passphrase 42"

/*
 * Issue 22, findings 7, 8 and 11, from the attacker's side: unauthenticated
 * CPU through the strength meter, 500s on Medusa's auth routes the plugin
 * wraps, and cross-site writes with a cookie session.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let pk: Record<string, string>
    let admin: TestAdmin
    let jane: TestCustomer

    beforeEach(async () => {
      container = getContainer()
      pk = await createPublishableKey(container)
      admin = await createAdmin(api, container)
      jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
    })

    describe("POST /store/password-strength", () => {
      const meter = (ip: string, password = "correct horse battery") =>
        send(api.post("/store/password-strength", { password }, { headers: { ...pk, "x-forwarded-for": ip } }))

      it("answers each IP maxRequests times per window, then 429 with Retry-After", async () => {
        const answers = await Promise.all(Array.from({ length: 8 }, () => meter("203.0.113.20")))
        expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 200, 429, 429, 429])
        const refused = answers.find((answer) => answer.status === 429)!
        expect(Number(refused.headers["retry-after"])).toBeGreaterThan(50)
        expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60)
        expect(refused.data).toEqual({ type: "not_allowed", message: expect.stringMatching(/Too many strength checks/) })
        // Another network has its own budget.
        expect((await meter("203.0.113.21")).status).toEqual(200)
      })

      it("refuses an input longer than any policy allows, unscored, without counting it", async () => {
        const long = await meter("203.0.113.22", "x".repeat(257))
        expect(long.status).toEqual(400)
        expect(long.data.message).toMatch(/password/)
        for (let i = 0; i < 5; i++) {
          expect((await meter("203.0.113.22")).status).toEqual(200)
        }
      })
    })

    describe("Medusa's auth routes the plugin wraps: 400, not 500", () => {
      it.each([
        ["an unknown verification provider", "/auth/verification/confirm", { code: "x", code_provider: "nope" }, /code_provider: unknown verification provider/],
        ["a code with toString", "/auth/verification/confirm", { code: { toString: 1 } }, /toString/],
        ["an unknown provider to request", "/auth/verification/request", { entity_id: "a@example.com", entity_type: "email", code_provider: "nope" }, /code_provider/],
        ["a method with toString", "/auth/mfa/challenges/mfachal_x/verify", { method: { toString: 1 }, code: "1" }, /toString/],
        ["an unknown MFA method", "/auth/mfa/challenges/mfachal_x/verify", { method: "nope", code: "1" }, /method: unknown MFA method/],
      ])("answers %s with 400 and a clear message", async (_, path, body, message) => {
        const answer = await send(api.post(path, body, { headers: { authorization: `Bearer ${jane.token}` } }))
        expect(answer.status).toEqual(400)
        expect(answer.data).toEqual({ type: "invalid_data", message: expect.stringMatching(message) })
      })
    })

    describe("the attempt log under attack", () => {
      it("counts refused attempts per IP and minute: rows grow with IPs, not with requests", async () => {
        const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const guess = (ip: string) =>
          send(api.post("/auth/customer/emailpass", { email: jane.email, password: "wrong guess 1234" }, { headers: { "x-forwarded-for": ip } }))
        for (let i = 0; i < 5; i++) {
          expect((await guess(`198.51.100.${i + 1}`)).status).toEqual(401)
        }
        // Locked now: 60 refused attempts from three IPs.
        const ips = ["203.0.113.1", "203.0.113.2", "203.0.113.3"]
        const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => guess(ips[i % 3])))
        expect(answers.every((answer) => answer.status === 429)).toBe(true)
        const refused = await eventually(async () => {
          const rows: { ip: string; count: number }[] = await knex("login_attempt").where({ outcome: "refused" }).select("ip", "count")
          return rows.reduce((sum, row) => sum + Number(row.count), 0) === 60 ? rows : null
        })
        // One row per IP (the replay takes well under a minute; at most two minutes' rows each).
        expect(refused.length).toBeGreaterThanOrEqual(3)
        expect(refused.length).toBeLessThanOrEqual(6)
        expect((await knex("login_attempt").where({ outcome: "failure" })).length).toEqual(5)

        // The admin's table and the export read the counts.
        const { data } = await api.get(`/admin/customers/${jane.customer.id}/security`, admin)
        const shown = data.security.recent_attempts.filter((attempt: { outcome: string }) => attempt.outcome === "refused")
        expect(shown.reduce((sum: number, attempt: { count: number }) => sum + attempt.count, 0)).toEqual(60)
        expect(shown[0]).toEqual(expect.objectContaining({ count: expect.any(Number), last_attempted_at: expect.any(String) }))
      })
    })

    describe("cookie sessions and other sites", () => {
      const cookieOf = async (headers: Record<string, string>) => {
        const login = await send(api.post("/auth/session", {}, { headers }))
        expect(login.status).toEqual(200)
        return String(login.headers["set-cookie"]?.[0] ?? "").split(";")[0]
      }

      it("refuses an admin write from another site's page, and takes one from the admin's own", async () => {
        const cookie = await cookieOf({ authorization: `Bearer ${admin.token}` })
        const notesPath = `/admin/customers/${jane.customer.id}/notes`
        const evil = await send(api.post(notesPath, { body: "forged" }, { headers: { cookie, origin: "http://evil.example" } }))
        expect(evil.status).toEqual(403)
        const form = await send(
          api.post(notesPath, "body=forged", {
            headers: { cookie, referer: "http://evil.example/page", "content-type": "application/x-www-form-urlencoded" },
          })
        )
        expect(form.status).toEqual(403)
        const reset = await send(api.post(`/admin/customers/${jane.customer.id}/password-reset`, {}, { headers: { cookie, origin: "http://evil.example" } }))
        expect(reset.status).toEqual(403)
        expect((await api.get(notesPath, { headers: { cookie } })).data.notes).toEqual([])

        // The admin's own pages (the server's origin) and reads from anywhere.
        const host = new URL(api.defaults.baseURL!).host
        const own = await send(api.post(notesPath, { body: "legit" }, { headers: { cookie, origin: `http://${host}` } }))
        expect(own.status).toEqual(200)
        expect((await send(api.get(notesPath, { headers: { cookie, origin: "http://evil.example" } }))).status).toEqual(200)
        // A bearer token is not a browser's ambient credential: no origin check.
        expect((await send(api.post(notesPath, { body: "api" }, { headers: { ...admin.headers, origin: "http://evil.example" } }))).status).toEqual(200)
      })

      it("refuses a store write with the customer's cookie from another site", async () => {
        const cookie = await cookieOf({ ...pk, authorization: `Bearer ${jane.token}` })
        const forged = await send(
          api.post("/store/customers/me/preferences", { communication: { email_marketing: true } }, { headers: { ...pk, cookie, origin: "http://evil.example" } })
        )
        expect(forged.status).toEqual(403)
        const preferences = await api.get("/store/customers/me/preferences", { headers: { ...pk, cookie } })
        expect(preferences.data.preferences.communication?.email_marketing ?? false).toBe(false)
      })
    })
  },
})
