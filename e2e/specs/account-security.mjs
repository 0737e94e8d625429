// @ts-check
import { confirmPrompt, expectToast, openAdminPage, rowValue, widget } from "../lib/browser.mjs"
import { eventually, expect } from "../lib/checks.mjs"

/**
 * @typedef {import("../lib/context.mjs").SpecContext} SpecContext
 * @typedef {import("../../src/types/account-security").AdminCustomerSecurity} AdminCustomerSecurity
 */

/**
 * Account security widget: the lock made by the seed, unlock, reset link.
 * @param {SpecContext} ctx
 */
export async function accountSecuritySpec({ runner, page, api, seed, admin, screenshot }) {
  const card = widget(page, "Account security")
  const notes = widget(page, "Notes")
  const customerId = () => seed().customer.id
  const readSecurity = async () =>
    /** @type {AdminCustomerSecurity} */ ((await api.adminGet(`/admin/customers/${customerId()}/security`)).security)
  const noteBodies = async () =>
    (await api.adminGet(`/admin/customers/${customerId()}/notes?limit=100`)).notes.map((/** @type {{ body: string }} */ note) => note.body)

  await runner.check("account security: shows the lock, counters and login attempts of the seeded failures", async () => {
    await openAdminPage(page, `/app/customers/${customerId()}`)
    await card.getByText("Recent login attempts").waitFor()
    const security = await readSecurity()
    expect(security.locked, "the API does not report the seeded lock")
    const status = await rowValue(card, "Status").innerText()
    expect(/^Locked until /.test(status), `status reads "${status}"`)
    const failed = await rowValue(card, "Failed attempts in the current window").innerText()
    expect(failed.trim() === String(security.failed_attempts), `page ${failed}, API ${security.failed_attempts}`)
    const rows = card.locator("tbody tr")
    expect((await rows.count()) === security.recent_attempts.length, `${await rows.count()} rows, API ${security.recent_attempts.length} attempts`)
    const statuses = seed().failedLogins.statuses
    const failures = statuses.filter((status) => status === 401).length
    expect((await rows.filter({ hasText: "Failed" }).count()) === failures, `expected ${failures} Failed rows`)
    expect((await rows.filter({ hasText: "Refused" }).count()) === 1, "expected one Refused row")
    expect((await rows.filter({ hasText: "Success" }).count()) === 1, "expected one Success row (the registration login)")
    const first = await rows.first().innerText()
    expect(first.includes(seed().storefront["x-forwarded-for"]), `the newest attempt shows no client IP: ${first}`)
    expect(first.includes("Safari/605.1.15"), `the newest attempt shows no user agent: ${first}`)
    await screenshot("account-security", card)
  })

  await runner.check("account security: Unlock lifts the lock (page, API, and the customer can log in again)", async () => {
    await card.getByRole("button", { name: "Unlock", exact: true }).click()
    await confirmPrompt(page, "Unlock")
    await expectToast(page, "Account unlocked")
    await rowValue(card, "Status").getByText("Active", { exact: true }).waitFor()
    expect((await card.getByRole("button", { name: "Unlock", exact: true }).count()) === 0, "Unlock is still offered")
    const security = await readSecurity()
    expect(!security.locked && security.failed_attempts === 0, `API: locked ${security.locked}, failed ${security.failed_attempts}`)
    const note = `Account unlocked by ${admin.email}`
    expect((await noteBodies()).includes(note), "no unlock note in the API")
    await notes.locator("article").filter({ hasText: note }).waitFor()
    const login = await api.customerLogin(seed().customer.email, seed().customer.password, seed().storefront)
    expect(login === 200, `the customer's login answered ${login} after the unlock`)
  })

  await runner.check("account security: Send password reset link e-mails the customer (page and API)", async () => {
    await card.getByRole("button", { name: "Send password reset link", exact: true }).click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText(seed().customer.email).waitFor()
    await confirmPrompt(page, "Send password reset link")
    await expectToast(page, "Password reset link sent")
    const note = `Password reset link sent by ${admin.email}`
    await notes.locator("article").filter({ hasText: note }).waitFor()
    expect((await noteBodies()).includes(note), "no reset note in the API")
    const email = encodeURIComponent(seed().customer.email)
    await eventually(
      async () =>
        (await api.adminGet(`/admin/notifications?to=${email}&fields=template,to`)).notifications.map(
          (/** @type {{ template: string }} */ notification) => notification.template
        ),
      (templates) => templates.includes("customer-password-reset"),
      { what: "no customer-password-reset notification to the customer" }
    )
  })
}
