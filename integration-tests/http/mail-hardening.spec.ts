import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { generateResetPasswordTokenWorkflow } from "@medusajs/medusa/core-flows"
import { createAdmin, createPublishableKey, registerCustomer, send, type TestAdmin } from "./helpers/auth"
import { backgroundSettled, eventually } from "./helpers/events"
import { clearOutbox, sentMessages, waitForMessages } from "./helpers/outbox"
import { deferredWork } from "../../src/lib/deferred-work"

jest.setTimeout(180 * 1000)

process.env.CAM_PLUGIN_OPTIONS = JSON.stringify({
  lockout: { maxAttempts: 5, ipMaxAttempts: 40, trustedProxyHops: 1 },
  userLockout: { enabled: false, ipMaxAttempts: 10 },
  emailChange: { maxAddresses: 3 },
})
afterAll(() => {
  delete process.env.CAM_PLUGIN_OPTIONS
})

const PASSWORD = "a long and unusual passphrase 42"
const WRONG = "not the password at all 17"
const RESET = "customer-password-reset"
const VERIFY = "customer-email-verification"
/** A name an attacker would like a shop to e-mail to strangers. */
const BAIT = "Claim your prize at evil.example"

/*
 * Issue 22, findings 2-6, from the attacker's side: reset e-mails a caller
 * steers, mail relayed through the address change, malformed recipients,
 * IP and customer budgets that gave way when the Back Office block was off,
 * and passwords that hid a common one behind Unicode.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let pk: Record<string, string>
    let admin: TestAdmin

    beforeEach(async () => {
      container = getContainer()
      clearOutbox()
      pk = await createPublishableKey(container)
      admin = await createAdmin(api, container)
    })

    /** Waits for the background work of a 201/202 answer (a reset, an address change) to settle. */
    const settle = () => backgroundSettled()

    /** Timeline entries of a customer (type, requested_by). */
    const timeline = async (customerId: string) =>
      (await send(api.get(`/admin/customers/${customerId}/activity?limit=50`, admin))).data.activities as {
        type: string
        actor_type: string
        data: Record<string, unknown>
      }[]

    describe("reset e-mails a caller cannot steer", () => {
      it("says a customer asked, whatever metadata an anonymous caller sends", async () => {
        const jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
        const asked = await send(
          api.post("/auth/customer/emailpass/reset-password", {
            identifier: jane.email,
            metadata: { requested_by: "admin", cam_admin_proof: "0".repeat(64), cam_admin_proof_at: Date.now() },
          })
        )
        expect(asked.status).toEqual(201)
        const [mail] = await waitForMessages(jane.email, RESET)
        expect(mail.data.requested_by).toEqual("customer")
        expect(String(mail.data.text)).not.toMatch(/staff|team|administrator/i)
        // The timeline records the customer's own request (it hid it before).
        const entries = await eventually(async () => {
          const found = (await timeline(jane.customer.id)).filter((entry) => entry.type === "password.reset_requested")
          return found.length ? found : null
        })
        expect(entries.map((entry) => entry.data.requested_by)).toEqual(["customer"])
      })

      it("says staff sent it when a Back Office user did", async () => {
        const jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
        const sent = await send(api.post(`/admin/customers/${jane.customer.id}/password-reset`, {}, admin))
        expect(sent.status).toEqual(200)
        const [mail] = await waitForMessages(jane.email, RESET)
        expect(mail.data.requested_by).toEqual("admin")
      })

      it("sends a customer link only to an identity with a customer, a user link only to one with a user", async () => {
        const jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
        const events: { name: string; data: Record<string, unknown> }[] = []
        const bus = container.resolve(Modules.EVENT_BUS) as unknown as { emit: (...args: unknown[]) => Promise<void> }
        const emit = bus.emit.bind(bus)
        bus.emit = async (data: unknown, options?: unknown) => {
          for (const event of [data].flat() as { name: string; data: Record<string, unknown> }[]) {
            events.push(event)
          }
          return emit(data, options)
        }
        try {
          // The Back Office user's address through the customer route, the
          // customer's through the user route: no token is even issued.
          expect((await send(api.post("/auth/customer/emailpass/reset-password", { identifier: admin.user.email }))).status).toEqual(201)
          expect((await send(api.post("/auth/user/emailpass/reset-password", { identifier: jane.email }))).status).toEqual(201)
          // The control: the customer's own route does issue one.
          expect((await send(api.post("/auth/customer/emailpass/reset-password", { identifier: jane.email }))).status).toEqual(201)
          await waitForMessages(jane.email, RESET)
          await settle()
        } finally {
          bus.emit = emit
        }
        const resets = events.filter((event) => event.name === "auth.password_reset")
        expect(resets.map((event) => [event.data.entity_id, event.data.actor_type])).toEqual([[jane.email, "customer"]])
        expect(sentMessages(admin.user.email)).toEqual([])
      })

      it("refuses a customer link that names a Back Office user's identity, leaving the admin's password as it was", async () => {
        // A link issued before the plugin refused to issue one.
        const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
        await generateResetPasswordTokenWorkflow(container).run({
          input: { entityId: admin.user.email, actorType: "customer", provider: "emailpass", secret: http.jwtSecret! },
        })
        const [stored] = await eventually(async () => {
          const rows = await container.resolve(Modules.AUTH).listProviderIdentities({ entity_id: admin.user.email })
          return rows.length ? rows : null
        })
        expect(stored).toBeTruthy()
        // Medusa's token for it, as the e-mail would carry it.
        const jwt = await import("jsonwebtoken")
        const token = jwt.sign(
          { entity_id: admin.user.email, provider: "emailpass", actor_type: "customer", purpose: "reset", jti: "cam-test" },
          http.jwtSecret!,
          { expiresIn: "15m" }
        )
        const answer = await send(
          api.post("/auth/customer/emailpass/update", { password: "an entirely new passphrase 93" }, { headers: { authorization: `Bearer ${token}` } })
        )
        expect(answer.status).toEqual(401)
        expect((await send(api.post("/auth/user/emailpass", { email: admin.user.email, password: "admin-password-1" }))).status).toEqual(200)
      })
    })

    describe("no mail relay through the address change", () => {
      it("e-mails at most maxAddresses distinct new addresses a day, with no text the requester chose", async () => {
        const mallory = await registerCustomer(api, pk, { email: "mallory@example.com", password: PASSWORD, first_name: BAIT })
        const targets = ["s1@example.net", "s2@example.net", "s3@example.net", "s4@example.net", "s5@example.net"]
        const answers: number[] = []
        for (const email of targets) {
          answers.push((await send(api.post("/store/customers/me/email", { email, password: PASSWORD }, mallory))).status)
        }
        expect(answers).toEqual([202, 202, 202, 429, 429])
        const refused = await send(api.post("/store/customers/me/email", { email: "s6@example.net", password: PASSWORD }, mallory))
        expect(refused.data.message).toMatch(/at most 3 different addresses per day/)
        // The time left in the window that began with the first address.
        expect(Number(refused.headers["retry-after"])).toBeGreaterThan(86_400 - 60)
        expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(86_400)
        // Asking again for an address already counted is no new stranger.
        expect((await send(api.post("/store/customers/me/email", { email: "S1@example.net", password: PASSWORD }, mallory))).status).toEqual(202)

        for (const email of targets.slice(0, 3)) {
          const [mail] = await waitForMessages(email, VERIFY)
          expect(JSON.stringify(mail.data)).not.toContain("evil.example")
          expect(mail.data.first_name).toBeUndefined()
          expect(String(mail.data.text)).toMatch(/^Hello,/)
        }
        await settle()
        expect(targets.slice(3).flatMap((email) => sentMessages(email))).toEqual([])
      })

      it("greets by name only at an address someone verified", async () => {
        const jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD, first_name: BAIT })
        await send(api.post("/auth/customer/emailpass/reset-password", { identifier: jane.email }))
        const [unverified] = await waitForMessages(jane.email, RESET)
        expect(JSON.stringify(unverified.data)).not.toContain("evil.example")

        // Verified (by a Back Office user): the customer's own name again.
        expect((await send(api.post(`/admin/customers/${jane.customer.id}/email-verification/verify`, {}, admin))).status).toEqual(200)
        await send(api.post("/auth/customer/emailpass/reset-password", { identifier: jane.email }))
        const messages = await waitForMessages(jane.email, RESET, 2)
        expect(String(messages[1].data.text)).toContain(`Hello ${BAIT},`)
      })
    })

    describe("background work that follows an answer, off the path of the next request", () => {
      // Finding 12: only a known address has work after the answer (a token
      // and an e-mail), and work run at once delays the next request. It now
      // waits a random time first; the timing itself is measured by
      // `npm run bench` ("follow-up request after ..."), never asserted here.
      const pending = () => deferredWork.size

      it("leaves a reset for a known address waiting behind the answer, then sends it", async () => {
        await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
        await settle()
        clearOutbox()
        expect((await send(api.post("/auth/customer/emailpass/reset-password", { identifier: "jane@example.com" }))).status).toEqual(201)
        // The answer is out; the lookup, the token and the e-mail wait.
        expect(pending()).toEqual(1)
        expect(sentMessages("jane@example.com", RESET)).toEqual([])
        await settle()
        expect(pending()).toEqual(0)
        expect(sentMessages("jane@example.com", RESET)).toHaveLength(1)
      })

      it("queues an unknown address's request the same way, and it sends nothing", async () => {
        expect((await send(api.post("/auth/customer/emailpass/reset-password", { identifier: "nobody@example.com" }))).status).toEqual(201)
        expect(pending()).toEqual(1)
        await settle()
        expect(sentMessages("nobody@example.com")).toEqual([])
      })

      it("queues an address change to a free and to a taken address alike; only the free one is mailed", async () => {
        const jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
        await registerCustomer(api, pk, { email: "bob@example.com", password: PASSWORD })
        await settle()
        clearOutbox()
        for (const email of ["free@example.com", "bob@example.com"]) {
          expect((await send(api.post("/store/customers/me/email", { email, password: PASSWORD }, { headers: jane.headers }))).status).toEqual(202)
          expect(pending()).toEqual(1)
          await settle()
        }
        expect(sentMessages("free@example.com", VERIFY)).toHaveLength(1)
        expect(sentMessages("bob@example.com")).toEqual([])
      })

      it("queues a resend of the verification e-mail, known address or not", async () => {
        await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
        await settle()
        clearOutbox()
        for (const email of ["jane@example.com", "nobody@example.com"]) {
          expect((await send(api.post("/store/email-verification", { email }, { headers: pk }))).status).toEqual(201)
          expect(pending()).toEqual(1)
          await settle()
        }
        expect(sentMessages("jane@example.com", VERIFY)).toHaveLength(1)
        expect(sentMessages("nobody@example.com")).toEqual([])
      })
    })

    describe("malformed recipients", () => {
      const MALFORMED = ["a@example.com, b@example.net", "a@example.com\r\nBcc: c@example.net", "<img src=x>@example.com"]

      it("sends nothing to an identity stored under an address that is not one valid address", async () => {
        const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
        const auth = container.resolve(Modules.AUTH)
        const customers = container.resolve(Modules.CUSTOMER)
        // Identities made before the plugin (its registration refuses these).
        for (const email of MALFORMED) {
          const { authIdentity } = await auth.register("emailpass", { body: { email, password: PASSWORD } } as never)
          const customer = await customers.createCustomers({ email: `x${Date.now()}@example.org`, has_account: true })
          await auth.updateAuthIdentities({ id: authIdentity!.id, app_metadata: { customer_id: customer.id } })
          await generateResetPasswordTokenWorkflow(container).run({
            input: { entityId: email, actorType: "customer", provider: "emailpass", secret: http.jwtSecret! },
          })
        }
        // A valid one in the same run, as the control that mail goes out at all.
        const jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
        await send(api.post("/auth/customer/emailpass/reset-password", { identifier: jane.email }))
        await waitForMessages(jane.email, RESET)
        await settle()
        for (const email of MALFORMED) {
          expect(sentMessages(email)).toEqual([])
          expect(await container.resolve(Modules.NOTIFICATION).listNotifications({ to: email })).toEqual([])
        }
      })
    })

    describe("budgets that hold whatever the other actor's options say", () => {
      const login = (route: "customer" | "user", email: string, password: string, ip: string) =>
        send(api.post(`/auth/${route}/emailpass`, { email, password }, { headers: { "x-forwarded-for": ip } }))

      it("blocks an IP on the Back Office route though the Back Office lockout is off", async () => {
        const answers = await Promise.all(
          Array.from({ length: 40 }, (_, i) => login("user", `nobody${i}@example.com`, WRONG, "203.0.113.9"))
        )
        const statuses = answers.map((answer) => answer.status)
        expect(statuses.filter((status) => status === 401)).toHaveLength(10)
        expect(statuses.filter((status) => status === 429)).toHaveLength(30)
      })

      it("gives a never-logged-in customer tried through /auth/user the customer's budget", async () => {
        const email = "fresh@example.com"
        const registration = await api.post("/auth/customer/emailpass/register", { email, password: PASSWORD })
        await api.post("/store/customers", { email }, { headers: { ...pk, authorization: `Bearer ${registration.data.token}` } })
        // Each guess from its own IP: only the account's budget counts.
        const answers = await Promise.all(
          Array.from({ length: 20 }, (_, i) => login("user", email, WRONG, `198.51.100.${i + 1}`))
        )
        const statuses = answers.map((answer) => answer.status)
        expect(statuses.filter((status) => status === 401)).toHaveLength(5)
        expect(statuses.filter((status) => status === 429)).toHaveLength(15)
        // Locked for the customer's own route too, right password or not.
        expect((await login("customer", email, PASSWORD, "192.0.2.77")).status).toEqual(429)
      })
    })

    describe("Unicode in passwords (NIST SP 800-63B: normalized before checking and hashing)", () => {
      const register = (email: string, password: string) =>
        send(api.post("/auth/customer/emailpass/register", { email, password }))

      it.each([
        ["fullwidth", "ｐａｓｓｗｏｒｄ１２３４"],
        ["zero-width spaces", "p\u200ba\u200bs\u200bs\u200bw\u200bo\u200br\u200bd\u200b1234"],
        ["a combining accent", "pa\u0301ssword1234"],
      ])("refuses a common password written with %s", async (_, password) => {
        const answer = await register("uni@example.com", password)
        expect(answer.status).toEqual(400)
        expect(JSON.stringify(answer.data)).toMatch(/too common|not allowed|too easy/i)
        const strength = await send(api.post("/store/password-strength", { password }, { headers: pk }))
        expect(strength.data.strength.valid).toBe(false)
        expect(await container.resolve(Modules.AUTH).listProviderIdentities({ entity_id: "uni@example.com" })).toEqual([])
      })

      it("stores the normalized form: the fullwidth passphrase and its ASCII form are one password", async () => {
        const fullwidth = "ｖｉｏｌｅｔ ｔｒａｃｔｏｒ ｗｈｉｓｐｅｒｓ ４２"
        expect((await register("wide@example.com", fullwidth)).status).toEqual(200)
        expect((await send(api.post("/auth/customer/emailpass", { email: "wide@example.com", password: "violet tractor whispers 42" }))).status).toEqual(
          200
        )
        expect((await send(api.post("/auth/customer/emailpass", { email: "wide@example.com", password: fullwidth }))).status).toEqual(200)
      })

      it("keeps a password hashed before normalization working", async () => {
        const typed = "ｖｉｏｌｅｔ ｔｒａｃｔｏｒ ｈｕｍｓ ４２"
        // Stored as typed (not normalized), as Medusa did before the plugin.
        const auth = container.resolve(Modules.AUTH)
        const { authIdentity } = await auth.register("emailpass", { body: { email: "old@example.com", password: typed } } as never)
        const customer = await container.resolve(Modules.CUSTOMER).createCustomers({ email: "old@example.com", has_account: true })
        await auth.updateAuthIdentities({ id: authIdentity!.id, app_metadata: { customer_id: customer.id } })
        expect((await send(api.post("/auth/customer/emailpass", { email: "old@example.com", password: typed }))).status).toEqual(200)
        expect((await send(api.post("/auth/customer/emailpass", { email: "old@example.com", password: WRONG }))).status).toEqual(401)
      })
    })
  },
})
