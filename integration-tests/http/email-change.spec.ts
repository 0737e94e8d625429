import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { AuthWorkflowEvents, ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { requestVerificationWorkflow } from "@medusajs/medusa/core-flows"
import { createAdmin, createPublishableKey, registerCustomer, send, type TestAdmin, type TestCustomer } from "./helpers/auth"
import { backgroundSettled, captureEvents, eventually } from "./helpers/events"
import { clearOutbox, sentMessages, waitForMessages } from "./helpers/outbox"

jest.setTimeout(180 * 1000)

const PASSWORD = "a long and unusual passphrase 42"
const VERIFY = "customer-email-verification"
const CHANGED = "customer-email-changed"
const NEW = "jane.new@example.com"

/*
 * Moving a customer's login to another address: the password first, a link
 * to the new address, and only its confirmation moves the login and the
 * customer's e-mail (together); the old address is told.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let knex: Knex
    let pk: Record<string, string>
    let admin: TestAdmin
    let jane: TestCustomer

    const change = (body: unknown, customer: TestCustomer = jane) =>
      send(api.post("/store/customers/me/email", body, customer))
    const login = (email: string, password = PASSWORD) => send(api.post("/auth/customer/emailpass", { email, password }))
    const confirm = (code: string) => send(api.post("/auth/verification/confirm", { code }))
    const linkTo = async (email: string, count = 1) => {
      const mails = await waitForMessages(email, VERIFY, count)
      return new URL(String(mails[mails.length - 1].data.verify_url)).searchParams.get("token") as string
    }
    const settle = () => backgroundSettled()
    const loginOf = async (customerId: string) =>
      (await knex("customer").where({ id: customerId }).first("email")).email as string

    beforeEach(async () => {
      container = getContainer()
      knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      clearOutbox()
      pk = await createPublishableKey(container)
      admin = await createAdmin(api, container)
      jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
      await waitForMessages(jane.email, VERIFY)
      // The registration's login is logged after its answer.
      await eventually(async () => Number((await knex("login_attempt").count({ n: "*" }))[0].n) >= 1)
    })

    it("moves login and e-mail to the new address only once it is confirmed, and tells the old one", async () => {
      const asked = await change({ email: NEW, password: PASSWORD })
      expect([asked.status, asked.data]).toEqual([202, { email_change: { email: NEW, status: "pending" } }])
      const token = await linkTo(NEW)
      const [mail] = sentMessages(NEW, VERIFY)
      expect(String(mail.data.text)).toContain("once you do, you sign in with it instead of your current one")

      // Nothing moved yet.
      expect((await login(NEW)).status).toEqual(401)
      expect((await login(jane.email)).status).toEqual(200)
      expect(await loginOf(jane.customer.id)).toEqual(jane.email)

      expect((await confirm(token)).status).toEqual(200)
      expect((await login(jane.email)).status).toEqual(401)
      // The confirmation ended her sessions; a login in the second of the ended one
      // would get its very token (Medusa's tokens carry no id): the next second.
      await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5))
      const moved = await login(NEW)
      expect(moved.status).toEqual(200)
      const session = { headers: { ...pk, authorization: `Bearer ${moved.data.token}` } }
      expect((await api.get("/store/customers/me", session)).data.customer).toMatchObject({ id: jane.customer.id, email: NEW })
      const { data: state } = await api.get("/store/customers/me/email-verification", session)
      expect(state.email_verification).toMatchObject({ email: NEW, status: "verified" })

      const [notice] = await waitForMessages(jane.email, CHANGED)
      expect(notice.data).toMatchObject({ new_email: NEW, subject: "Your sign-in e-mail address was changed" })
      const types = await eventually(async () => {
        const { data } = await api.get(`/admin/customers/${jane.customer.id}/activity?kind=security&limit=100`, admin)
        const found = data.activities as { type: string; data: Record<string, unknown> }[]
        return found.some((entry) => entry.type === "email.changed") ? found : null
      })
      expect(types.find((entry) => entry.type === "email.changed")?.data).toEqual({ from: jane.email, to: NEW })
      expect(types.find((entry) => entry.type === "email.change_requested")?.data).toEqual({ to: NEW })
      // The link works once.
      expect((await confirm(token)).status).toEqual(400)
    })

    it("merges the same change asked several times at once: every answer 202, one link, each recorded, no error", async () => {
        const capture = captureEvents(container)
        try {
          const answers = await Promise.all([1, 2, 3].map(() => change({ email: NEW, password: PASSWORD })))
          expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202])
          // Each request runs after its answer and records itself once it has its link.
          await eventually(async () => capture.named("customer_account.email_change_requested").length === 3)
          await settle()
          // Medusa keeps one verification per login and address: the link of the request that won goes out.
          expect(await knex("auth_verification").where({ entity_id: NEW }).whereNull("deleted_at")).toHaveLength(1)
          expect(sentMessages(NEW, VERIFY).length).toBeGreaterThanOrEqual(1)
          expect(await loginOf(jane.customer.id)).toEqual(jane.email)
        } finally {
          capture.stop()
        }
      })

    it("checks the current password like a login: a wrong one counts, sends nothing, changes nothing", async () => {
      const wrong = await change({ email: NEW, password: "not my password at all" })
      expect([wrong.status, wrong.data.message]).toEqual([401, "Invalid email or password"])
      await settle()
      expect(sentMessages(NEW)).toEqual([])
      const failures = await knex("login_attempt").where({ identifier: jane.email, outcome: "failure" }).count({ n: "*" })
      expect(Number(failures[0].n)).toEqual(1)
      expect(await loginOf(jane.customer.id)).toEqual(jane.email)
    })

    it("answers the same for a taken address and e-mails it nothing (no account oracle)", async () => {
      const bob = await registerCustomer(api, pk, { email: "bob@example.com", password: PASSWORD })
      await waitForMessages(bob.email, VERIFY)
      const free = await change({ email: NEW, password: PASSWORD })
      const taken = await change({ email: "BOB@example.com", password: PASSWORD })
      expect([taken.status, { ...taken.data, email_change: { ...taken.data.email_change, email: "x" } }]).toEqual([
        free.status,
        { ...free.data, email_change: { ...free.data.email_change, email: "x" } },
      ])
      await linkTo(NEW)
      await settle()
      expect(sentMessages(bob.email, VERIFY)).toHaveLength(1)
      expect(sentMessages("BOB@example.com")).toEqual([])
    })

    it("refuses the move when the address was taken before the link was used, and leaves the login where it was", async () => {
      await change({ email: NEW, password: PASSWORD })
      const token = await linkTo(NEW)
      await registerCustomer(api, pk, { email: NEW, password: PASSWORD })
      const late = await confirm(token)
      expect([late.status, late.data.message]).toEqual([400, "This e-mail address is no longer available"])
      expect(await loginOf(jane.customer.id)).toEqual(jane.email)
      expect((await login(jane.email)).status).toEqual(200)
      await settle()
      expect(sentMessages(jane.email, CHANGED)).toEqual([])
    })

    it("never moves a login for a verification someone marked as a change by hand", async () => {
      // Medusa's request route stores any metadata its caller sends: a stolen
      // session (no password) asks to verify an address it controls, marked as a change.
      const events = captureEvents(container)
      try {
        const asked = await send(
          api.post(
            "/auth/verification/request",
            { entity_id: "thief@example.com", entity_type: "email", metadata: { purpose: "email_change", signature: "0".repeat(64) } },
            jane
          )
        )
        expect(asked.status).toEqual(201)
        // The same, made by code with the plugin's purpose but a wrong mark.
        await requestVerificationWorkflow(container).run({
          input: {
            auth_identity_id: (await container.resolve(Modules.AUTH).listProviderIdentities({ entity_id: jane.email }))[0].auth_identity_id!,
            entity_id: "thief2@example.com",
            entity_type: "email",
            code_provider: "token",
            metadata: { purpose: "email_change", signature: "forged" },
          },
        })
        const codes = await eventually(async () => {
          const found = events.named(AuthWorkflowEvents.VERIFICATION_REQUESTED)
          return found.length >= 2 ? found.map((event) => (event.data as { code: string }).code) : null
        })
        await settle()
        expect(sentMessages("thief@example.com")).toEqual([])
        expect(sentMessages("thief2@example.com")).toEqual([])
        // Even with the code in hand, the login does not move.
        for (const code of codes) {
          expect((await confirm(code)).status).toEqual(200)
        }
        expect(await loginOf(jane.customer.id)).toEqual(jane.email)
        expect((await login(jane.email)).status).toEqual(200)
        expect((await login("thief@example.com")).status).toEqual(401)
      } finally {
        events.stop()
      }
    })

    it.each([
      ["no password", { email: NEW }, /password/],
      ["no email", { password: PASSWORD }, /email/],
      ["an invalid email", { email: "not-an-address", password: PASSWORD }, /e-mail address/],
      ["an email over 320 characters", { email: `${"a".repeat(320)}@example.com`, password: PASSWORD }, /320/],
      ["an unknown field", { email: NEW, password: PASSWORD, customer_id: "cus_1" }, /customer_id/],
      ["the current address", { email: " JANE@example.com", password: PASSWORD }, /already the address/],
    ])("answers 400 to %s and writes nothing", async (_, body, message) => {
      // What the route writes once past validation: a checked password, a verification request.
      const written = async () => [
        Number((await knex("login_attempt").whereNot({ outcome: "success" }).count({ n: "*" }))[0].n),
        Number((await knex("login_throttle").count({ n: "*" }))[0].n),
        Number((await knex("auth_verification").whereNot({ entity_id: jane.email }).count({ n: "*" }))[0].n),
      ]
      const before = await written()
      const response = await change(body)
      expect(response.status).toEqual(400)
      expect(response.data.message).toMatch(message)
      await settle()
      expect(await written()).toEqual(before)
      expect(sentMessages(NEW)).toEqual([])
    })

    it("needs a customer session", async () => {
      expect((await send(api.post("/store/customers/me/email", { email: NEW, password: PASSWORD }, { headers: pk }))).status).toEqual(401)
      expect((await send(api.post("/store/customers/me/email", { email: NEW, password: PASSWORD }, { headers: { ...pk, ...admin.headers } }))).status).toEqual(401)
    })
  },
})
