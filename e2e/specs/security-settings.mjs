// @ts-check
import { openAdminPage, rowValue, widget } from "../lib/browser.mjs"
import { expect } from "../lib/checks.mjs"

/**
 * @typedef {import("../lib/context.mjs").SpecContext} SpecContext
 * @typedef {import("playwright-core").Locator} Locator
 * @typedef {import("../../src/types/account-security").AdminPasswordPolicyResponse} AdminPasswordPolicyResponse
 * @typedef {import("../../src/types/security-settings").AdminSecuritySettingsResponse} AdminSecuritySettingsResponse
 */

/**
 * The lockout options scripts/test-e2e.mjs boots the app with: the page must
 * show them, not the defaults (maxAttempts 5, ipMaxAttempts 50).
 */
const CONFIGURED = { maxAttempts: 3, ipMaxAttempts: 4 }

/**
 * A duration as the page writes it (en-US): the largest whole unit.
 * @param {number} seconds
 */
const duration = (seconds) => {
  const units = /** @type {const} */ ([["day", 86_400], ["hour", 3_600], ["minute", 60], ["second", 1]])
  const [unit, size] = units.find(([, size]) => seconds >= size && seconds % size === 0) ?? units[3]
  return new Intl.NumberFormat("en-US", { style: "unit", unit, unitDisplay: "long" }).format(seconds / size)
}

/**
 * Settings > Customer accounts, "Sign-in security": the password policy and
 * the failed-login lockout in force, read-only, as the API reports them.
 * @param {SpecContext} ctx
 */
export async function securitySettingsSpec({ runner, page, api, screenshot }) {
  const card = widget(page, "Sign-in security")

  await runner.check("security settings: the settings page shows the password policy and the lockout in force, read-only", async () => {
    /** @type {AdminPasswordPolicyResponse} */
    const { password_policy: policy, allow_admin_set_password: adminSets } = await api.adminGet("/admin/customer-accounts/password-policy")
    /** @type {AdminSecuritySettingsResponse} */
    const { security_settings: { lockout } } = await api.adminGet("/admin/customer-accounts/security-settings")
    expect(
      lockout.customer.max_attempts === CONFIGURED.maxAttempts && lockout.customer.ip_max_attempts === CONFIGURED.ipMaxAttempts,
      `the API's customer lockout is not the configured one: ${JSON.stringify(lockout.customer)}`
    )

    await openAdminPage(page, "/app/settings/customer-accounts")
    await card.getByRole("heading", { level: 3, name: "Password policy", exact: true }).waitFor()
    const length = await rowValue(card, "Length").innerText()
    expect(length === `${policy.min_length} to ${policy.max_length} characters`, `Length reads "${length}"`)
    const strength = await rowValue(card, "Minimum strength").innerText()
    expect(strength === `Score ${policy.min_score} of 4`, `Minimum strength reads "${strength}"`)
    const history = await rowValue(card, "Reusing previous passwords").innerText()
    const expectedHistory = policy.history_size > 1 ? `The last ${policy.history_size} passwords may not be reused` : null
    expect(!expectedHistory || history === expectedHistory, `Reusing previous passwords reads "${history}" (history_size ${policy.history_size})`)
    const admins = await rowValue(card, "Admins set passwords directly").innerText()
    expect(admins === (adminSets ? "Allowed" : "Not allowed: reset links only"), `Admins set passwords directly reads "${admins}"`)

    const table = card.getByRole("table", { name: "Failed-login lockout" })
    /** @param {string} label @returns {Promise<string[]>} the Customers and Back Office users cells */
    const cells = async (label) => {
      const row = table.locator("tbody tr").filter({ has: page.getByText(label, { exact: true }) })
      return (await row.locator("td").allInnerTexts()).slice(1).map((text) => text.trim())
    }
    const [customers, users] = await cells("An account is locked after")
    expect(customers === `${CONFIGURED.maxAttempts} failed attempts within ${duration(lockout.customer.window_seconds)}`, `customers' lock reads "${customers}"`)
    expect(users === `${lockout.user.max_attempts} failed attempts within ${duration(lockout.user.window_seconds)}`, `users' lock reads "${users}"`)
    const [customerSteps] = await cells("Lock durations")
    const steps = lockout.customer.lock_steps_seconds.map(duration).join(" → ")
    expect(customerSteps === steps, `customers' lock durations read "${customerSteps}", expected "${steps}"`)
    expect(lockout.customer.lock_steps_seconds.length > 1, "the API lists one lock step only")
    const [customerIp] = await cells("An IP address is blocked after")
    expect(
      customerIp === `${CONFIGURED.ipMaxAttempts} failed attempts within ${duration(lockout.customer.window_seconds)}, for ${duration(lockout.customer.lock_seconds)}`,
      `customers' IP block reads "${customerIp}"`
    )
    const retention = await rowValue(card, "Sign-in attempts are kept for").innerText()
    expect(retention === duration(lockout.retention_days * 86_400), `retention reads "${retention}"`)
    // Read-only: plugin options change in medusa-config.ts, not here.
    expect((await card.getByRole("button").count()) === 0, `the card offers: ${await card.getByRole("button").allInnerTexts()}`)
    await screenshot("security-settings", card)
  })
}
