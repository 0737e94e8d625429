import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  createAdmin,
  createPublishableKey,
  registerCustomer,
  send,
} from "./helpers/auth"
import type { AdminSecuritySettingsResponse } from "../../src/types/security-settings"

jest.setTimeout(60 * 1000)

const OWNER = "owner@example.com"
/** A deny-list entry: it is the policy's secret and must not show up in the answer. */
const DENIED = "acme shop rocks forever"

/**
 * Non-default lockout options (none equals its default), so the answer can
 * only come from them. The runner reads medusa-config before applying its
 * `env` option, so the variable is set while this file loads.
 */
process.env.CAM_PLUGIN_OPTIONS = JSON.stringify({
  passwordPolicy: { denyList: [DENIED] },
  lockout: {
    maxAttempts: 4,
    windowSeconds: 600,
    lockSeconds: 120,
    maxLockSeconds: 1000,
    ipMaxAttempts: 30,
    retentionDays: 10,
    trustedProxyHops: 1,
  },
  userLockout: {
    enabled: false,
    maxAttempts: 2,
    windowSeconds: 300,
    lockSeconds: 60,
    maxLockSeconds: 240,
    ipMaxAttempts: 7,
  },
  // Reading settings needs no capability: a colleague granted nothing reads them too.
  staffPermissions: { mode: "enforced", owners: [OWNER] },
})
afterAll(() => {
  delete process.env.CAM_PLUGIN_OPTIONS
})

const PATH = "/admin/customer-accounts/security-settings"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("GET /admin/customer-accounts/security-settings", () => {
      it("answers the configured lockout of customers and Back Office users, to an admin granted nothing", async () => {
        const colleague = await createAdmin(api, getContainer(), { email: "colleague@example.com" })

        const response = await send<AdminSecuritySettingsResponse>(api.get(PATH, colleague))

        expect(response.status).toEqual(200)
        expect(response.data).toEqual({
          security_settings: {
            lockout: {
              enabled: true,
              retention_days: 10,
              trusted_proxy_hops: 1,
              customer: {
                locks_accounts: true,
                max_attempts: 4,
                window_seconds: 600,
                lock_seconds: 120,
                max_lock_seconds: 1000,
                // Doubled per lock within 24 h, capped at maxLockSeconds.
                lock_steps_seconds: [120, 240, 480, 960, 1000],
                ip_max_attempts: 30,
              },
              user: {
                // userLockout.enabled false: users' identities are never locked (their IPs still are).
                locks_accounts: false,
                max_attempts: 2,
                window_seconds: 300,
                lock_seconds: 60,
                max_lock_seconds: 240,
                lock_steps_seconds: [60, 120, 240],
                ip_max_attempts: 7,
              },
            },
          },
        })
        // Nothing of the password policy's secrets (nor anything else that is not a lockout setting).
        expect(JSON.stringify(response.data)).not.toContain(DENIED)
        expect(Object.keys(response.data.security_settings)).toEqual(["lockout"])
      })

      it("is refused without an admin: no token, a customer's token, a publishable key", async () => {
        const container = getContainer()
        const pk = await createPublishableKey(container)
        const jane = await registerCustomer(api, pk)

        const anonymous = await send(api.get(PATH))
        const customer = await send(api.get(PATH, jane))
        const storefront = await send(api.get(PATH, { headers: pk }))

        expect([anonymous.status, customer.status, storefront.status]).toEqual([401, 401, 401])
        for (const answer of [anonymous, customer, storefront]) {
          expect(JSON.stringify(answer.data)).not.toContain("max_attempts")
        }
      })
    })
  },
})
