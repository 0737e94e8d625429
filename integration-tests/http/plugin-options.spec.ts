import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import {
  createAdmin,
  createPublishableKey,
  registerCustomer,
  send,
} from "./helpers/auth"
import { ACCOUNT_SECURITY_MODULE } from "../../src/modules/account-security"
import type AccountSecurityModuleService from "../../src/modules/account-security/service"
import { REDACTED_RESET_URL } from "../../src/subscribers/send-password-reset-email"
import { setCustomerPasswordByAdminWorkflow } from "../../src/workflows/customer-password"
import { backgroundSettled, eventually } from "./helpers/events"
import { clearOutbox, sentMessages, waitForMessages } from "./helpers/outbox"

jest.setTimeout(60 * 1000)

/**
 * The app booted with a merchant's non-default options. The runner reads
 * medusa-config before applying its `env` option, so the variable is set
 * while this file loads and removed after it.
 */
process.env.CAM_PLUGIN_OPTIONS = JSON.stringify({
  allowAdminSetPassword: false,
  passwordPolicy: { preset: "nist-single-factor", historySize: 0, denyList: ["acme shop rocks forever"] },
  passwordReset: {
    resetPasswordUrl: "https://shop.example/reset/{token}?e={email}",
    templateId: "my-reset-template",
    maxRequests: 1,
  },
  lockout: { ipMaxAttempts: 3, trustedProxyHops: 0 },
  userLockout: { maxAttempts: 3 },
})
afterAll(() => {
  delete process.env.CAM_PLUGIN_OPTIONS
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("applies the nist-single-factor preset and the deny list", async () => {
      const pk = await createPublishableKey(getContainer())
      const { data } = await api.get("/store/password-policy", { headers: pk })
      expect(data.password_policy).toEqual(
        expect.objectContaining({ min_length: 15, history_size: 0 })
      )
      expect(JSON.stringify(data)).not.toContain("acme shop rocks forever")

      const short = await send(
        api.post("/auth/customer/emailpass/register", {
          email: "short@example.com",
          password: "violet tractor",
        })
      )
      expect(short.status).toEqual(400)
      expect(short.data.errors.map((e: { code: string }) => e.code)).toContain("too_short")

      const denied = await send(
        api.post("/auth/customer/emailpass/register", {
          email: "denied@example.com",
          password: "ACME shop rocks forever",
        })
      )
      expect(denied.status).toEqual(400)
      expect(denied.data.errors.map((e: { code: string }) => e.code)).toContain("deny_list")
    })

    it("refuses admin-set passwords with 403 unless allowAdminSetPassword is on", async () => {
      const container = getContainer()
      const pk = await createPublishableKey(container)
      const admin = await createAdmin(api, container)
      const jane = await registerCustomer(api, pk, {
        email: "jane@example.com",
        password: "a long and unusual passphrase 42",
      })
      const response = await send(
        api.post(
          `/admin/customers/${jane.customer.id}/password`,
          { password: "violet tractor whispers at noon 7" },
          admin
        )
      )
      expect(response.status).toEqual(403)
      expect(response.data.message).toContain("allowAdminSetPassword")
      const loginOld = await send(
        api.post("/auth/customer/emailpass", {
          email: jane.email,
          password: "a long and unusual passphrase 42",
        })
      )
      expect(loginOld.status).toEqual(200)

      // Running the exported workflow directly cannot skip the option either.
      const { errors } = await setCustomerPasswordByAdminWorkflow(container).run({
        input: {
          customer_id: jane.customer.id,
          entity_id: jane.email,
          password: "violet tractor whispers at noon 7",
          admin: { id: admin.user.id, label: "Ada" },
        },
        throwOnError: false,
      })
      expect(errors.map((error) => error.error?.message)).toEqual([expect.stringContaining("allowAdminSetPassword")])
      expect((await send(api.post("/auth/customer/emailpass", { email: jane.email, password: "a long and unusual passphrase 42" }))).status).toEqual(200)
    })

    it("limits each identity by its owner's block: userLockout for Back Office users, lockout for customers, whatever the route", async () => {
      const container = getContainer()
      const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
      const pk = await createPublishableKey(container)
      const admin = await createAdmin(api, container)
      const jane = await registerCustomer(api, pk, { email: "jane@example.com", password: "a long and unusual passphrase 42" })
      const wrong = (route: string, email: string, i: number) =>
        send(api.post(route, { email, password: `wrong guess ${i}` }))
      // All requests come from one socket address here (trustedProxyHops 0):
      // clear the IP's count between the phases, so only identifier limits act.
      const waitForFailures = (email: string, count: number) =>
        eventually(async () => (await security.listLoginAttempts({ identifier: email, outcome: "failure" })).length === count)

      // A customer's identity through the Back Office route: the customer limit (5), not userLockout's 3.
      for (let i = 0; i < 3; i++) {
        expect((await wrong("/auth/user/emailpass", jane.email, i)).status).toEqual(401)
      }
      await waitForFailures(jane.email, 3)
      expect((await security.lockout.stateOf(jane.email)).locked).toBe(false)
      await security.lockout.clear("ip", "127.0.0.1")

      // A Back Office user's identity through the storefront route: userLockout's 3.
      for (let i = 0; i < 3; i++) {
        expect((await wrong("/auth/customer/emailpass", admin.user.email, i)).status).toEqual(401)
      }
      await waitForFailures(admin.user.email, 3)
      expect((await security.lockout.stateOf(admin.user.email)).locked).toBe(true)
      await security.lockout.clear("ip", "127.0.0.1")
      expect((await send(api.post("/auth/user/emailpass", { email: admin.user.email, password: "admin-password-1" }))).status).toEqual(429)
      expect((await send(api.post("/auth/customer/emailpass", { email: jane.email, password: "a long and unusual passphrase 42" }))).status).toEqual(200)
    })

    it("with trustedProxyHops 0, a forged X-Forwarded-For cannot escape an IP block", async () => {
      const login = (email: string, forwardedFor: string) =>
        send(
          api.post(
            "/auth/customer/emailpass",
            { email, password: "not-the-Right-one-77" },
            { headers: { "x-forwarded-for": forwardedFor } }
          )
        )
      const statuses: number[] = []
      for (let i = 0; i < 4; i++) {
        // No wait between attempts: each is counted for the IP at admission.
        statuses.push((await login(`victim${i}@example.com`, `198.51.100.${i}`)).status)
      }
      expect(statuses).toEqual([401, 401, 401, 429])
      const response = await login("someone-else@example.com", "192.0.2.99")
      expect(response.status).toEqual(429)
    })

    it("uses the configured reset URL, template and request limit", async () => {
      const container = getContainer()
      const pk = await createPublishableKey(container)
      await registerCustomer(api, pk, {
        email: "jane@example.com",
        password: "a long and unusual passphrase 42",
      })
      clearOutbox()
      for (let i = 0; i < 2; i++) {
        await api.post("/auth/customer/emailpass/reset-password", { identifier: "jane@example.com" })
      }
      const [mail] = await waitForMessages("jane@example.com", "my-reset-template")
      await backgroundSettled()
      expect(sentMessages("jane@example.com", "my-reset-template")).toHaveLength(1)
      expect(String(mail.data.reset_url)).toMatch(
        /^https:\/\/shop\.example\/reset\/[^?]+\?e=jane%40example\.com$/
      )
      const notifications = container.resolve(Modules.NOTIFICATION)
      const [stored] = await eventually(async () => {
        const list = await notifications.listNotifications({ to: "jane@example.com", template: "my-reset-template" })
        return list[0]?.data?.reset_url === REDACTED_RESET_URL ? list : undefined
      })
      expect(stored.template).toEqual("my-reset-template")
    })
  },
})
