// @ts-check
import { confirmPrompt, expectToast, openAdminPage, rowValue, widget } from "../lib/browser.mjs"
import { expect } from "../lib/checks.mjs"

/**
 * @typedef {import("../lib/context.mjs").SpecContext} SpecContext
 * @typedef {import("../../src/types/account-security").AdminLoginSecurity} AdminLoginSecurity
 */

/**
 * Login security widget on a Back Office user's page: the colleague the seed
 * locked out of the admin, and Unlock.
 * @param {SpecContext} ctx
 */
export async function userSecuritySpec({ runner, page, api, seed, screenshot }) {
  const card = widget(page, "Login security")
  const user = () => seed().lockedUser
  const readSecurity = async () =>
    /** @type {AdminLoginSecurity} */ ((await api.adminGet(`/admin/users/${user().id}/security`)).security)

  await runner.check("user security: the user page shows the lock and the failed admin sign-ins of a locked colleague", async () => {
    await openAdminPage(page, `/app/settings/users/${user().id}`)
    await card.getByRole("heading", { level: 2, name: "Login security", exact: true }).waitFor()
    const security = await readSecurity()
    expect(security.locked, "the API does not report the seeded lock")
    const status = await rowValue(card, "Status").innerText()
    expect(/^Locked until /.test(status), `status reads "${status}"`)
    // The attempts table's rows (the card also lists the user's sessions): each has an outcome.
    const rows = card.locator("tbody tr").filter({ hasText: /Failed|Success|Refused/ })
    await rows.first().waitFor()
    const failures = user().statuses.filter((status) => status === 401).length
    expect((await rows.filter({ hasText: "Failed" }).count()) === failures, `expected ${failures} Failed rows`)
    expect((await rows.filter({ hasText: "Admin" }).count()) === (await rows.count()), "every attempt came through the admin route")
    expect((await rows.first().innerText()).includes("198.51.100.77"), "the newest attempt shows no client IP")
    await screenshot("user-security", card)
  })

  await runner.check("user security: Unlock lifts the colleague's lock (page, API, and the colleague can sign in again)", async () => {
    await card.getByRole("button", { name: "Unlock", exact: true }).click()
    await confirmPrompt(page, "Unlock")
    await expectToast(page, "Account unlocked")
    await rowValue(card, "Status").getByText("Active", { exact: true }).waitFor()
    const security = await readSecurity()
    expect(!security.locked && security.failed_attempts === 0, `API: locked ${security.locked}, failed ${security.failed_attempts}`)
    const { status } = await api.call("POST", "/auth/user/emailpass", { email: user().email, password: user().password })
    expect(status === 200, `the colleague's sign-in answered ${status} after the unlock`)
  })
}
