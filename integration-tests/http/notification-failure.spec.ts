import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createAdmin,
  createPublishableKey,
  registerCustomer,
  send,
  type TestAdmin,
  type TestCustomer,
} from "./helpers/auth"
import { REDACTED_RESET_URL } from "../../src/subscribers/send-password-reset-email"
import { backgroundSettled, captureEvents, eventually } from "./helpers/events"

jest.setTimeout(120 * 1000)

/**
 * Failure drill: the e-mail service is down. The app boots with the dev
 * app's outbox provider set to throw on every send (a real provider failure
 * inside Medusa's Notification module, not a mocked service). The runner
 * reads medusa-config while this file loads, hence the variable here.
 */
process.env.CAM_OUTBOX_FAIL = "SMTP is down"
afterAll(() => {
  delete process.env.CAM_OUTBOX_FAIL
})

const PASSWORD = "a long and unusual passphrase 42"
const NEW_PASSWORD = "violet tractor whispers at noon 7"

type StoredNotification = { template: string; status: string; data: Record<string, unknown> | null }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let jane: TestCustomer
    let admin: TestAdmin

    const login = (email: string, password: string) =>
      send(api.post("/auth/customer/emailpass", { email, password }))
    const notificationsTo = async (email: string, template: string) => {
      const list = (await container
        .resolve(Modules.NOTIFICATION)
        .listNotifications({ to: email, template }, { order: { created_at: "ASC" } })) as StoredNotification[]
      return list
    }
    /** The notifications once the provider has answered (rows start as "pending"). */
    const settledNotifications = (email: string, template: string, count: number) =>
      eventually(async () => {
        const list = await notificationsTo(email, template)
        return list.length >= count && list.every((mail) => mail.status !== "pending") ? list : undefined
      })
    const requestReset = (identifier: string) =>
      send(api.post("/auth/customer/emailpass/reset-password", { identifier }))

    beforeEach(async () => {
      container = getContainer()
      const pk = await createPublishableKey(container)
      jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
      admin = await createAdmin(api, container)
    })

    it("locks as usual, records the failed e-mail and still notes the lock", async () => {
      const statuses: number[] = []
      for (let i = 0; i < 6; i++) {
        statuses.push((await login(jane.email, `wrong guess ${i}`)).status)
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
      expect((await login(jane.email, PASSWORD)).status).toEqual(429)

      const [mail] = await settledNotifications(jane.email, "customer-account-locked", 1)
      expect(mail.status).toEqual("failure")

      const { data } = await api.get(`/admin/customers/${jane.customer.id}/security`, admin)
      expect(data.security).toEqual(expect.objectContaining({ locked: true, failed_attempts: 5 }))
      // The lock is on the timeline although its e-mail failed.
      const locked = await eventually(async () => {
        const { data } = await api.get(`/admin/customers/${jane.customer.id}/activity?kind=security`, admin)
        return data.activities.find((entry: { type: string }) => entry.type === "account.locked")
      })
      expect(locked.data).toEqual({ locked_until: expect.any(String), lock_count: 1 })
    })

    it("keeps reset requests enumeration-safe and rate-limited, and the issued token works", async () => {
      const capture = captureEvents(container)
      const answers = [
        await requestReset(jane.email),
        await requestReset("nobody@example.com"),
      ]
      expect(answers.map((a) => a.status)).toEqual([201, 201])
      expect(answers[0].data).toEqual(answers[1].data)

      // The limit (3 per window) still counts requests whose e-mail failed.
      await requestReset(jane.email)
      await requestReset(jane.email)
      expect((await requestReset(jane.email)).status).toEqual(201)
      const mails = await settledNotifications(jane.email, "customer-password-reset", 3)
      await backgroundSettled()
      expect(await notificationsTo(jane.email, "customer-password-reset")).toHaveLength(3)
      expect(mails.map((mail) => mail.status)).toEqual(["failure", "failure", "failure"])

      // Medusa issued each token before the e-mail failed, and the stored
      // (failed) notification holds no live link. A re-sent mail can still
      // complete the reset with the newest token, with the policy applied.
      capture.stop()
      const tokens = capture.named("auth.password_reset").map((event) => (event.data as { token: string }).token)
      expect(tokens).toHaveLength(3)
      const token = tokens[2]
      const stored = await eventually(async () => {
        const list = await notificationsTo(jane.email, "customer-password-reset")
        return list.every((mail) => mail.data?.reset_url === REDACTED_RESET_URL) ? list : undefined
      })
      expect(JSON.stringify(stored)).not.toContain(token)
      // The texts held the link too: redacted there as well, though the provider failed.
      for (const mail of stored) {
        expect(mail.data?.text).toContain(REDACTED_RESET_URL)
        expect(mail.data?.html).toContain(REDACTED_RESET_URL)
      }
      const weak = await send(
        api.post("/auth/customer/emailpass/update", { password: "jane12345" }, { headers: { authorization: `Bearer ${token}` } })
      )
      expect(weak.status).toEqual(400)
      const done = await send(
        api.post("/auth/customer/emailpass/update", { password: NEW_PASSWORD }, { headers: { authorization: `Bearer ${token}` } })
      )
      expect(done.status).toEqual(200)
      expect((await login(jane.email, NEW_PASSWORD)).status).toEqual(200)
      expect((await login(jane.email, PASSWORD)).status).toEqual(401)
    })

    it("answers the admin's send-reset-link without a server error", async () => {
      const response = await send(api.post(`/admin/customers/${jane.customer.id}/password-reset`, {}, admin))
      expect(response.status).toEqual(200)
      const [mail] = await settledNotifications(jane.email, "customer-password-reset", 1)
      expect(mail.status).toEqual("failure")
      expect(mail.data).toEqual(expect.objectContaining({ requested_by: "admin" }))
    })
  },
})
