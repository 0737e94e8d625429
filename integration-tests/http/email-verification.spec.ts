import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { REDACTED_VERIFY_URL } from "../../src/subscribers/send-email-verification"
import { createAdmin, createPublishableKey, registerCustomer, send, type TestAdmin, type TestCustomer } from "./helpers/auth"
import { backgroundSettled, eventually } from "./helpers/events"
import { clearOutbox, sentMessages, waitForMessages } from "./helpers/outbox"

jest.setTimeout(180 * 1000)

const TEMPLATE = "customer-email-verification"
const PASSWORD = "a long and unusual passphrase 42"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let knex: Knex
    let pk: Record<string, string>
    let admin: TestAdmin
    let jane: TestCustomer

    /** The token of the newest verification link sent to `email`, once sent. */
    const tokenSentTo = async (email: string, count = 1) => {
      const messages = await waitForMessages(email, TEMPLATE, count)
      const url = new URL(String(messages[messages.length - 1].data.verify_url))
      expect(url.searchParams.get("email")).toEqual(email)
      return url.searchParams.get("token") as string
    }
    const confirm = (code: string) => send(api.post("/auth/verification/confirm", { code }))
    const resend = (body: unknown) => send(api.post("/store/email-verification", body, { headers: pk }))
    const activityTypes = async (customerId: string) =>
      (await api.get(`/admin/customers/${customerId}/activity?kind=security&limit=100`, admin)).data.activities.map(
        (entry: { type: string }) => entry.type
      ) as string[]
    /** Lets the background work of the last requests end (subscribers, resends). */
    const settle = () => backgroundSettled()

    beforeEach(async () => {
      container = getContainer()
      knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      clearOutbox()
      pk = await createPublishableKey(container)
      admin = await createAdmin(api, container)
      jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
    })

    it("e-mails a link on registration that confirms the address once, through Medusa's own verification", async () => {
      const token = await tokenSentTo(jane.email)
      const [mail] = sentMessages(jane.email, TEMPLATE)
      expect(mail.data).toMatchObject({ subject: "Confirm your e-mail address", locale: "en" })
      // Nobody has verified the address yet: no text its registrant chose (issue 22).
      expect(mail.data.first_name).toBeUndefined()
      expect(String(mail.data.text)).toMatch(/^Hello,/)
      expect(String(mail.data.text)).toContain("Please confirm that this e-mail address belongs to your account.")

      // The stored notification no longer holds the live link.
      const stored = await eventually(async () => {
        const [notification] = await container
          .resolve(Modules.NOTIFICATION)
          .listNotifications({ to: jane.email, template: TEMPLATE })
        return notification?.data?.verify_url === REDACTED_VERIFY_URL ? notification : null
      })
      expect(JSON.stringify(stored)).not.toContain(token)
      const { data } = await api.get(`/admin/notifications?to=${encodeURIComponent(jane.email)}`, admin)
      expect(JSON.stringify(data)).not.toContain(token)

      // Wrong codes are refused, the right one confirms once.
      expect((await confirm("not-the-code")).status).toEqual(400)
      const confirmed = await confirm(token)
      expect(confirmed.status).toEqual(200)
      expect(confirmed.data).toMatchObject({ entity_id: jane.email, entity_type: "email", verified_at: expect.any(String) })
      const reused = await confirm(token)
      expect(reused.status).toEqual(400)
      expect(reused.data.message).toMatch(/invalid or already used/)

      const [row] = await container.resolve(Modules.AUTH).listAuthVerifications({ entity_id: jane.email, entity_type: "email" })
      expect(row.verified_at).not.toBeNull()
      await eventually(async () => {
        const types = await activityTypes(jane.customer.id)
        return types.includes("email.verified") && types.includes("email.verification_sent")
      })
      const { data: timeline } = await api.get("/store/customers/me/activity", jane)
      expect(timeline.activities.map((entry: { type: string }) => entry.type)).toEqual(
        expect.arrayContaining(["email.verified", "email.verification_sent"])
      )

      // A verified address gets no further e-mail, but the same answer.
      expect((await resend({ email: jane.email })).status).toEqual(201)
      await settle()
      expect(sentMessages(jane.email, TEMPLATE)).toHaveLength(1)
    })

    it("resends a fresh link (the previous one stops working), the same 201 for any address, and at most maxRequests a window", async () => {
      const first = await tokenSentTo(jane.email)
      const answers = [
        await resend({ email: jane.email }),
        await resend({ email: "nobody@example.com" }),
        await resend({ email: "  JANE@example.com " }),
      ]
      expect(answers.map((answer) => [answer.status, answer.data])).toEqual(Array(3).fill([201, "Created"]))
      const second = await tokenSentTo(jane.email, 3)
      expect(second).not.toEqual(first)
      await settle()
      expect(sentMessages("nobody@example.com")).toEqual([])

      // Flooding: 3 per address and window (both spellings counted as one), then nothing.
      for (let i = 0; i < 5; i++) {
        expect((await resend({ email: jane.email })).status).toEqual(201)
      }
      await settle()
      expect(sentMessages(jane.email, TEMPLATE)).toHaveLength(1 + 3)

      // Only the newest link works.
      const newest = await tokenSentTo(jane.email, 4)
      expect((await confirm(first)).status).toEqual(400)
      expect((await confirm(newest)).status).toEqual(200)
    })

    it("refuses an expired link (Medusa's 15 minutes), and a fresh one works", async () => {
      const token = await tokenSentTo(jane.email)
      // Sixteen minutes later, as Medusa's token provider measures it (from requested_at).
      await knex("auth_verification")
        .where({ entity_id: jane.email })
        .update({ requested_at: new Date(Date.now() - 16 * 60_000) })
      const expired = await confirm(token)
      expect([expired.status, expired.data.message]).toEqual([400, "Verification code has expired"])
      expect((await api.get(`/admin/customers/${jane.customer.id}/email-verification`, admin)).data.email_verification.status).toEqual("pending")
      await resend({ email: jane.email })
      const fresh = await tokenSentTo(jane.email, 2)
      expect((await confirm(fresh)).status).toEqual(200)
    })

    it("writes the e-mail in the customer's preferred language", async () => {
      const storeModule = container.resolve(Modules.STORE)
      const [store] = await storeModule.listStores()
      const locales = [{ locale_code: "en-US" }, { locale_code: "de-DE" }]
      if (store) {
        await storeModule.updateStores(store.id, { supported_locales: locales })
      } else {
        await storeModule.createStores({ name: "Test Store", supported_locales: locales })
      }
      await tokenSentTo(jane.email)
      await api.post("/store/customers/me/preferences", { locale: "de-DE" }, jane)
      await resend({ email: jane.email })
      const messages = await waitForMessages(jane.email, TEMPLATE, 2)
      expect(messages[1].data).toMatchObject({ locale: "de-DE", subject: "Bestätigen Sie Ihre E-Mail-Adresse" })
      expect(String(messages[1].data.text)).toMatch(/^Guten Tag,/)
    })

    it.each([
      ["no email", {}, /email/],
      ["an empty email", { email: "  " }, /email/],
      ["an email over 320 characters", { email: `${"a".repeat(320)}@example.com` }, /320/],
      ["a NUL character", { email: "jane\u0000@example.com" }, /NUL/],
      ["a non-string email", { email: ["jane@example.com"] }, /email/],
      ["an unknown field", { email: "jane@example.com", customer_id: "cus_1" }, /customer_id/],
    ])("answers 400 to %s and writes nothing", async (_, body, message) => {
      await tokenSentTo(jane.email)
      await settle()
      const counters = async () => Number((await knex("security_counter").count({ n: "*" }))[0].n)
      const before = await counters()
      const response = await resend(body)
      expect(response.status).toEqual(400)
      expect(response.data.message).toMatch(message)
      await settle()
      expect(await counters()).toEqual(before)
      expect(sentMessages(jane.email, TEMPLATE)).toHaveLength(1)
    })

    describe("admin", () => {
      const stateOf = async (customerId: string) =>
        (await api.get(`/admin/customers/${customerId}/email-verification`, admin)).data.email_verification

      it("shows the state, resends a link, and marks an address verified on the admin's word, once", async () => {
        const first = await tokenSentTo(jane.email)
        expect(await stateOf(jane.customer.id)).toEqual({
          email: jane.email,
          status: "pending",
          verified_at: null,
          requested_at: expect.any(String),
          required: false,
          blocks_login: false,
        })

        const resent = await api.post(`/admin/customers/${jane.customer.id}/email-verification/resend`, {}, admin)
        expect(resent.data).toEqual({ customer_id: jane.customer.id, sent: true })
        const second = await tokenSentTo(jane.email, 2)
        expect(second).not.toEqual(first)

        const marked = await api.post(`/admin/customers/${jane.customer.id}/email-verification/verify`, {}, admin)
        expect(marked.data).toEqual({
          customer_id: jane.customer.id,
          email_verification: {
            email: jane.email,
            status: "verified",
            verified_at: expect.any(String),
            requested_at: expect.any(String),
            required: false,
            blocks_login: false,
          },
        })
        // Medusa's own row says so (what its login checks when verification is required).
        const [row] = await container.resolve(Modules.AUTH).listAuthVerifications({ entity_id: jane.email, entity_type: "email" })
        expect(row.verified_at).not.toBeNull()
        // The link that was out is spent with it.
        expect((await confirm(second)).status).toEqual(400)

        const entry = await eventually(async () => {
          const { data } = await api.get(`/admin/customers/${jane.customer.id}/activity?kind=security`, admin)
          return data.activities.find((activity: { type: string }) => activity.type === "email.verified")
        })
        expect(entry.actor).toEqual({ type: "user", id: admin.user.id, name: "Ada Admin" })

        // Again: nothing changes, nothing is sent, nothing is recorded twice.
        const again = await api.post(`/admin/customers/${jane.customer.id}/email-verification/verify`, {}, admin)
        expect(again.data.email_verification.verified_at).toEqual(marked.data.email_verification.verified_at)
        expect((await api.post(`/admin/customers/${jane.customer.id}/email-verification/resend`, {}, admin)).data.sent).toBe(false)
        await settle()
        expect(sentMessages(jane.email, TEMPLATE)).toHaveLength(2)
        expect(await activityTypes(jane.customer.id)).toEqual(
          expect.arrayContaining(["email.verified"])
        )
        expect((await activityTypes(jane.customer.id)).filter((type) => type === "email.verified")).toHaveLength(1)
      })

      it("marks an address that never had a link (accounts older than the plugin) verified", async () => {
        await tokenSentTo(jane.email)
        const auth = container.resolve(Modules.AUTH) as unknown as {
          listAuthVerifications: (filter: object) => Promise<{ id: string }[]>
          deleteAuthVerifications: (ids: string[]) => Promise<void>
        }
        await auth.deleteAuthVerifications((await auth.listAuthVerifications({ entity_id: jane.email })).map((row) => row.id))
        expect((await stateOf(jane.customer.id)).status).toEqual("none")
        await api.post(`/admin/customers/${jane.customer.id}/email-verification/verify`, {}, admin)
        expect(await stateOf(jane.customer.id)).toMatchObject({ status: "verified", verified_at: expect.any(String) })
      })

      it("refuses guests, unknown customers, bodies and other actors", async () => {
        const guest = (await api.post("/admin/customers", { email: "guest@example.com" }, admin)).data.customer
        for (const path of ["", "/resend", "/verify"]) {
          const call = (id: string, options: object = admin) =>
            send(path ? api.post(`/admin/customers/${id}/email-verification${path}`, {}, options) : api.get(`/admin/customers/${id}/email-verification`, options))
          expect((await call(guest.id)).status).toEqual(404)
          expect((await call("cus_missing")).status).toEqual(404)
          expect((await call(jane.customer.id, jane)).status).toEqual(401)
          if (path) {
            const withBody = await send(api.post(`/admin/customers/${jane.customer.id}/email-verification${path}`, { verified: true }, admin))
            expect(withBody.status).toEqual(400)
          }
        }
        expect((await stateOf(jane.customer.id)).status).toEqual("pending")
      })
    })

    it("tells the logged-in customer their own state", async () => {
      await tokenSentTo(jane.email)
      const { data } = await api.get("/store/customers/me/email-verification", jane)
      expect(data.email_verification).toEqual({
        email: jane.email,
        status: "pending",
        verified_at: null,
        requested_at: expect.any(String),
        required: false,
      })
      expect((await send(api.get("/store/customers/me/email-verification", { headers: pk }))).status).toEqual(401)
    })

    it("e-mails no link that Medusa's own request route was asked for by another identity, and caps every path", async () => {
      await tokenSentTo(jane.email)
      const mallory = await registerCustomer(api, pk, { email: "mallory@example.com", password: PASSWORD })
      // Medusa lets any token ask to verify any address: Jane must not be spammed by Mallory.
      for (let i = 0; i < 3; i++) {
        const asked = await send(
          api.post("/auth/verification/request", { entity_id: jane.email, entity_type: "email" }, mallory)
        )
        expect(asked.status).toEqual(201)
      }
      await settle()
      expect(sentMessages(jane.email, TEMPLATE)).toHaveLength(1)
      // Jane asking through Medusa's route for her own address is heard, within the same cap as the resend route.
      for (let i = 0; i < 6; i++) {
        expect((await send(api.post("/auth/verification/request", { entity_id: jane.email, entity_type: "email" }, jane))).status).toEqual(201)
      }
      await settle()
      // The registration's e-mail and maxRequests (3) more.
      expect(sentMessages(jane.email, TEMPLATE)).toHaveLength(4)
      expect(sentMessages(jane.email, TEMPLATE).every((mail) => mail.to === jane.email)).toBe(true)
    })

    it("sends nothing to guests and nothing for customers an admin creates without an account", async () => {
      await tokenSentTo(jane.email)
      const created = await api.post("/admin/customers", { email: "guest@example.com", first_name: "Gus" }, admin)
      expect(created.status).toEqual(200)
      expect((await resend({ email: "guest@example.com" })).status).toEqual(201)
      await settle()
      expect(sentMessages("guest@example.com")).toEqual([])
    })
  },
})
