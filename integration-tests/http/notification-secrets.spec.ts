import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { LINK_IN_DELIVERY } from "../../src/lib/notifications/live-links"
import { createAdmin, createPublishableKey, registerCustomer, send, type TestAdmin, type TestCustomer } from "./helpers/auth"
import { clearOutbox, sentMessages, waitForMessages } from "./helpers/outbox"

jest.setTimeout(180 * 1000)

// The e-mail service takes 150 ms per message, as a real one's API does: the
// stored notification holds its link for at least that long before the
// plugin redacts it.
process.env.CAM_OUTBOX_DELAY_MS = "150"
process.env.CAM_PLUGIN_OPTIONS = JSON.stringify({ allowAdminSetPassword: false })
afterAll(() => {
  delete process.env.CAM_OUTBOX_DELAY_MS
  delete process.env.CAM_PLUGIN_OPTIONS
})

const PASSWORD = "a long and unusual passphrase 42"
const NEW_PASSWORD = "violet tractor whispers at noon 7"

/*
 * No admin API returns a live reset link or verification code, not even in
 * the milliseconds between Medusa's insert of the notification and the
 * plugin's redaction after delivery (issue 22, finding 1): Back Office users
 * poll every spelling of the notification routes while links go out.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let pk: Record<string, string>
    let admin: TestAdmin
    let jane: TestCustomer

    beforeEach(async () => {
      container = getContainer()
      clearOutbox()
      pk = await createPublishableKey(container)
      admin = await createAdmin(api, container)
      jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
    })

    /** Polls the admin's notification routes until `stop` resolves; returns every answer's text. */
    const poll = async (stop: Promise<unknown>) => {
      let done = false
      void stop.finally(() => {
        done = true
      })
      const seen: string[] = []
      const spellings = [
        "/admin/notifications?fields=to,data&order=-created_at&limit=5",
        "/admin/notifications?fields=*&order=-created_at&limit=5",
        "/admin/notifications?fields=content,data.reset_url,data.verify_url&order=-created_at&limit=5",
        "/ADMIN/Notifications?fields=to,data&order=-created_at&limit=5",
        "/admin/notifications/?fields=data&order=-created_at&limit=5",
        "/admin/Notifications/?fields=id,data,content&order=-created_at&limit=5",
      ]
      const loop = async (url: string) => {
        while (!done) {
          const answer = await send(api.get(url, admin))
          seen.push(JSON.stringify(answer.data))
          for (const notification of (answer.data?.notifications ?? []) as { id?: string }[]) {
            if (notification.id) {
              seen.push(JSON.stringify((await send(api.get(`/admin/notifications/${notification.id}?fields=*`, admin))).data))
            }
          }
        }
      }
      await Promise.all(spellings.flatMap((url) => [loop(url), loop(url)]))
      return seen
    }

    it("never shows a live reset link, while ten go out", async () => {
      const sending = (async () => {
        for (let i = 0; i < 10; i++) {
          expect((await send(api.post(`/admin/customers/${jane.customer.id}/password-reset`, {}, admin))).status).toEqual(200)
        }
        await waitForMessages(jane.email, "customer-password-reset", 10)
        // The last redaction lands after the provider's answer.
        await new Promise((resolve) => setTimeout(resolve, 500))
      })()
      const seen = await poll(sending)
      await sending
      const tokens = sentMessages(jane.email, "customer-password-reset").map(
        (mail) => new URL(String(mail.data.reset_url)).searchParams.get("token") as string
      )
      expect(tokens).toHaveLength(10)
      const leaked = tokens.filter((token) => seen.some((text) => text.includes(token) || text.includes(encodeURIComponent(token))))
      expect(leaked).toEqual([])
      // The pollers did see the notifications while they were in delivery.
      expect(seen.some((text) => text.includes(LINK_IN_DELIVERY))).toBe(true)

      // And the token still works for the customer.
      const reset = await send(
        api.post("/auth/customer/emailpass/update", { password: NEW_PASSWORD }, { headers: { authorization: `Bearer ${tokens[9]}` } })
      )
      expect(reset.status).toEqual(200)
    })

    it("never shows a live verification link", async () => {
      const sending = (async () => {
        for (let i = 0; i < 3; i++) {
          await send(api.post(`/admin/customers/${jane.customer.id}/email-verification/resend`, {}, admin))
        }
        await waitForMessages(jane.email, "customer-email-verification", 4)
        await new Promise((resolve) => setTimeout(resolve, 500))
      })()
      const seen = await poll(sending)
      await sending
      const codes = sentMessages(jane.email, "customer-email-verification").map(
        (mail) => new URL(String(mail.data.verify_url)).searchParams.get("token") as string
      )
      const leaked = codes.filter((code) => seen.some((text) => text.includes(code) || text.includes(encodeURIComponent(code))))
      expect(leaked).toEqual([])
    })
  },
})
