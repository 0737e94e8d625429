// @ts-check
import { confirmPrompt, expectToast, openAdminPage, rowValue, widget } from "../lib/browser.mjs"
import { eventually, expect } from "../lib/checks.mjs"

/**
 * @typedef {import("../lib/context.mjs").SpecContext} SpecContext
 * @typedef {import("../../src/types/account-security").AdminCustomerSecurity} AdminCustomerSecurity
 */

/**
 * The date and time as the widget formats them: the browser runs with
 * locale en-US in Europe/Berlin (lib/browser.mjs). Spaces are normalised:
 * ICU versions differ in the space before AM/PM.
 * @param {string} iso
 */
const widgetDateTime = (iso) =>
  new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" })
    .format(new Date(iso))
    .replace(/\s+/g, " ")

/**
 * Account security widget: the lock and the IP block made by the seed,
 * unlock, unblock, reset link.
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

  await runner.check("account security: shows the lock, counters, blocked IP and login attempts of the seeded failures", async () => {
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
    // One refusal by the customer's lock, one by the blocked IP (the seed's
    // stuffing attempts were on other e-mails).
    const { blockedIp } = seed()
    const refusals = [...statuses, blockedIp.customerStatus].filter((status) => status === 429).length
    expect((await rows.filter({ hasText: "Refused" }).count()) === refusals, `expected ${refusals} Refused rows`)
    const fromBlockedIp = rows.filter({ hasText: blockedIp.ip })
    expect((await fromBlockedIp.count()) === 1, `expected one attempt from ${blockedIp.ip}`)
    expect((await fromBlockedIp.innerText()).includes("Refused"), `the attempt from ${blockedIp.ip} reads: ${await fromBlockedIp.innerText()}`)
    expect((await rows.filter({ hasText: "Success" }).count()) === 1, "expected one Success row (the registration login)")
    const first = await rows.first().innerText()
    expect(first.includes(seed().storefront["x-forwarded-for"]), `the newest attempt shows no client IP: ${first}`)
    expect(first.includes("Safari/605.1.15"), `the newest attempt shows no user agent: ${first}`)
    // Only the stuffed IP is blocked: the storefront's IP saw fewer failures
    // than ipMaxAttempts.
    const blocked = security.blocked_ips.map(({ ip }) => ip)
    expect(blocked.length === 1 && blocked[0] === blockedIp.ip, `API blocked_ips: ${JSON.stringify(security.blocked_ips)}`)
    await card.getByRole("heading", { level: 3, name: "Blocked IP addresses", exact: true }).waitFor()
    const blockedRow = card.locator("li").filter({ hasText: blockedIp.ip })
    const until = `Blocked until ${widgetDateTime(security.blocked_ips[0].blocked_until)}`
    await blockedRow.getByText(until, { exact: true }).waitFor()
    expect(await blockedRow.getByRole("button", { name: `Unblock ${blockedIp.ip}`, exact: true }).isVisible(), "no Unblock button naming the IP")
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

  // After Unlock: the account itself is open again, so the IP block is all
  // that refuses the customer from that IP, before the unblock and not after.
  await runner.check("account security: Unblock lifts the IP block (page, API, note, and the customer can log in from that IP)", async () => {
    const { ip } = seed().blockedIp
    const fromIp = { ...seed().storefront, "x-forwarded-for": ip }
    const before = await readSecurity()
    expect(!before.locked, "the account is still locked, so a login from the IP would prove nothing")
    expect(before.blocked_ips.some((blocked) => blocked.ip === ip), `API blocked_ips: ${JSON.stringify(before.blocked_ips)}`)
    const refused = await api.customerLogin(seed().customer.email, seed().customer.password, fromIp)
    expect(refused === 429, `the customer's login from ${ip} answered ${refused} before the unblock`)

    const unblock = card.getByRole("button", { name: `Unblock ${ip}`, exact: true })
    await unblock.click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText(`Unblock ${ip}?`, { exact: true }).waitFor()
    await confirmPrompt(page, "Unblock")
    await expectToast(page, `Block on ${ip} lifted`)
    await unblock.waitFor({ state: "detached" })
    await card.getByRole("heading", { name: "Blocked IP addresses", exact: true }).waitFor({ state: "detached" })
    const security = await readSecurity()
    expect(security.blocked_ips.length === 0, `API blocked_ips: ${JSON.stringify(security.blocked_ips)}`)
    const note = `Login block on IP ${ip} lifted by ${admin.email}`
    expect((await noteBodies()).includes(note), "no unblock note in the API")
    await notes.locator("article").filter({ hasText: note }).waitFor()
    const login = await api.customerLogin(seed().customer.email, seed().customer.password, fromIp)
    expect(login === 200, `the customer's login from ${ip} answered ${login} after the unblock`)
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
