// @ts-check
import { confirmPrompt, expectToast, openAdminPage, rowValue, widget } from "../lib/browser.mjs"
import { activityLine, currentAdmin, expectNoSystemNotes, waitForActivity } from "../lib/activity.mjs"
import { eventually, expect } from "../lib/checks.mjs"
import { createCustomerAccount } from "../seed.mjs"

/**
 * @typedef {import("../lib/context.mjs").SpecContext} SpecContext
 * @typedef {import("../../src/types/account-security").AdminCustomerSecurity} AdminCustomerSecurity
 * @typedef {import("../../src/types/account-security").AdminEmailVerification} AdminEmailVerification
 * @typedef {import("../../src/types/account-activity").AdminAccountActivity} AdminAccountActivity
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
 * The date alone as the widget formats it (same browser locale and zone).
 * @param {string} iso
 */
const widgetDate = (iso) =>
  new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "Europe/Berlin" }).format(new Date(iso))

/** The template of the plugin's verification e-mails (`emailVerification.templateId`'s default). */
const VERIFICATION_TEMPLATE = "customer-email-verification"

/**
 * Account security widgets: the side card (status, counters, actions,
 * blocked IPs) and the login attempts (the Activity card's Sign-ins), with the lock and
 * the IP block made by the seed; unlock, unblock, reset link; e-mail
 * verification (resend, mark as verified); a guest.
 * @param {SpecContext} ctx
 */
export async function accountSecuritySpec({ runner, page, api, seed, admin, screenshot }) {
  const card = widget(page, "Account security")
  // The login attempts are the Activity card's "Sign-ins" (no card of their own).
  const attempts = widget(page, "Activity")
  const activityFilter = attempts.getByRole("combobox", { name: "Show", exact: true })
  /** @param {string} name */
  const chooseActivityFilter = async (name) => {
    await activityFilter.click()
    await page.getByRole("option", { name, exact: true }).click()
    await page.waitForLoadState("networkidle")
  }
  const notes = widget(page, "Notes")
  const customerId = () => seed().customer.id
  const readSecurity = async () =>
    /** @type {AdminCustomerSecurity} */ ((await api.adminGet(`/admin/customers/${customerId()}/security`)).security)
  /**
   * The entry an admin's action left in the customer's timeline, by this
   * admin (id and name in the API), and its line in the Activity card
   * (naming the admin); the Notes card gets no system note for it.
   * @param {string} what
   * @param {(activity: AdminAccountActivity) => boolean} match
   * @param {string} line the translated line (en.json, customerAccounts.activity.messages)
   */
  const expectAdminActivity = async (what, match, line) => {
    const me = await currentAdmin(api)
    expect(me.email === admin.email, `the API's admin is ${me.email}, the suite signed in as ${admin.email}`)
    const entry = await waitForActivity(api, customerId(), what, match)
    expect(
      entry.actor.type === "user" && entry.actor.id === me.id && entry.actor.name === me.name,
      `the ${what} entry's actor is ${JSON.stringify(entry.actor)}, not the admin ${JSON.stringify(me)}`
    )
    expect(entry.kind === "security", `the ${what} entry's kind is ${entry.kind}`)
    const { item, message, text } = await activityLine(page, entry)
    expect(message === line, `the ${what} entry reads "${message}", expected "${line}"`)
    expect((await item.getByText(me.name, { exact: true }).count()) === 1, `the ${what} entry does not name the admin: ${text}`)
    await expectNoSystemNotes(api, notes, customerId())
    return entry
  }

  await runner.check("account security: shows the lock, counters, blocked IP and login attempts of the seeded failures", async () => {
    await openAdminPage(page, `/app/customers/${customerId()}`)
    await chooseActivityFilter("Sign-ins")
    await attempts.locator("tbody tr").first().waitFor()
    // A page at a time: show them all.
    const showMore = attempts.getByRole("button", { name: "Show more", exact: true })
    while (await showMore.isVisible()) await showMore.click()
    const security = await readSecurity()
    expect(security.locked, "the API does not report the seeded lock")
    const status = await rowValue(card, "Status").innerText()
    expect(/^Locked until /.test(status), `status reads "${status}"`)
    const failed = await rowValue(card, "Failed attempts in the current window").innerText()
    expect(failed.trim() === String(security.failed_attempts), `page ${failed}, API ${security.failed_attempts}`)
    const rows = attempts.locator("tbody tr")
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
    // The user agent as the timeline shows it (the whole one in a tooltip).
    expect(first.includes("Safari 17.5 (macOS)"), `the newest attempt shows no user agent: ${first}`)
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
    await screenshot("login-attempts", attempts)
  })

  await runner.check("account security: the status card sits in the side column, the login attempts (Activity card) in the main column", async () => {
    // Medusa's own Customer Groups card is in the main column.
    const [main, side, table] = await Promise.all([
      widget(page, "Customer Groups").boundingBox(),
      card.boundingBox(),
      attempts.boundingBox(),
    ])
    expect(main && side && side.x > main.x + main.width, `the status card is not in the side column (${JSON.stringify({ main, side })})`)
    expect(main && table && Math.abs(table.x - main.x) < 2, `the attempts table is not in the main column (${JSON.stringify({ main, table })})`)
    // The whole page, for the artifacts only (not a widget screenshot).
    await screenshot("customer-page", page.locator("main"))
    // The checks below read the timeline.
    await chooseActivityFilter("All activity")
  })

  await runner.check("account security: Unlock lifts the lock (page, API, Activity entry by the admin, and the customer can log in again)", async () => {
    await card.getByRole("button", { name: "Unlock", exact: true }).click()
    await confirmPrompt(page, "Unlock")
    await expectToast(page, "Account unlocked")
    await rowValue(card, "Status").getByText("Active", { exact: true }).waitFor()
    expect((await card.getByRole("button", { name: "Unlock", exact: true }).count()) === 0, "Unlock is still offered")
    const security = await readSecurity()
    expect(!security.locked && security.failed_attempts === 0, `API: locked ${security.locked}, failed ${security.failed_attempts}`)
    const entry = await expectAdminActivity(
      "account.unlocked",
      (activity) => activity.type === "account.unlocked" && activity.data.reason === "admin",
      "Account unlocked"
    )
    expect(entry.data.was_locked === true, `the unlock entry's data: ${JSON.stringify(entry.data)}`)
    const login = await api.customerLogin(seed().customer.email, seed().customer.password, seed().storefront)
    expect(login === 200, `the customer's login answered ${login} after the unlock`)
  })

  // After Unlock: the account itself is open again, so the IP block is all
  // that refuses the customer from that IP, before the unblock and not after.
  await runner.check("account security: Unblock lifts the IP block (page, API, Activity entry by the admin, and the customer can log in from that IP)", async () => {
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
    const entry = await expectAdminActivity(
      `ip.unblocked of ${ip}`,
      (activity) => activity.type === "ip.unblocked" && activity.data.ip === ip,
      `Login block on IP ${ip} lifted`
    )
    expect(entry.data.was_blocked === true, `the unblock entry's data: ${JSON.stringify(entry.data)}`)
    const login = await api.customerLogin(seed().customer.email, seed().customer.password, fromIp)
    expect(login === 200, `the customer's login from ${ip} answered ${login} after the unblock`)
  })

  await runner.check("account security: Send password reset link e-mails the customer (page, API, Activity entry by the admin)", async () => {
    await card.getByRole("button", { name: "Send password reset link", exact: true }).click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText(seed().customer.email).waitFor()
    await confirmPrompt(page, "Send password reset link")
    await expectToast(page, "Password reset link sent")
    await expectAdminActivity(
      "password.reset_requested by an admin",
      (activity) => activity.type === "password.reset_requested" && activity.data.requested_by === "admin",
      "Password reset link sent"
    )
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

  await runner.check("account security: a new account's address reads Not verified with the link sent; Resend e-mails a second link; Mark as verified (page, API, Activity entry by the admin)", async () => {
    // A customer of its own, registered as a storefront does: the seeded
    // one keeps its pending verification for later checks.
    const email = `vera@verify-${seed().runId}.test`
    const { id } = await createCustomerAccount(api, seed().publishableKey, { email, firstName: "Vera", lastName: "Prüfer" })
    const readVerification = async () =>
      /** @type {AdminEmailVerification} */ ((await api.adminGet(`/admin/customers/${id}/email-verification`)).email_verification)
    const verificationEmails = async () =>
      (await api.adminGet(`/admin/notifications?to=${encodeURIComponent(email)}&fields=template`)).notifications
        .map((/** @type {{ template: string }} */ notification) => notification.template)
        .filter((/** @type {string} */ template) => template === VERIFICATION_TEMPLATE)
    const row = rowValue(card, "E-mail address")
    const resendButton = card.getByRole("button", { name: "Resend verification e-mail", exact: true })
    const markButton = card.getByRole("button", { name: "Mark as verified", exact: true })

    // The registration's link is requested and e-mailed by subscribers, after the sign-up answered.
    const pending = await eventually(readVerification, (verification) => verification.status === "pending", {
      what: "the API reports no pending verification after the registration",
    })
    expect(pending.email === email && pending.requested_at && !pending.verified_at, `API after the registration: ${JSON.stringify(pending)}`)
    await eventually(verificationEmails, (templates) => templates.length === 1, { what: "not one verification e-mail after the registration" })
    await openAdminPage(page, `/app/customers/${id}`)
    await row.getByText("Not verified", { exact: true }).waitFor()
    const linkSent = await row.locator(`time[datetime="${pending.requested_at}"]`).innerText()
    expect(/^Link sent \S/.test(linkSent), `the pending link reads "${linkSent}"`)
    await screenshot("account-security.email-pending", card)

    await resendButton.click()
    await page.getByRole("alertdialog").getByText(email).waitFor()
    await confirmPrompt(page, "Resend verification e-mail")
    await expectToast(page, "Verification e-mail sent")
    await eventually(verificationEmails, (templates) => templates.length === 2, { what: "no second verification e-mail to the customer" })
    const resent = await readVerification()
    expect(resent.status === "pending" && resent.requested_at, `API after Resend: ${JSON.stringify(resent)}`)
    expect(new Date(resent.requested_at) >= new Date(pending.requested_at), `requested_at went back: ${pending.requested_at} -> ${resent.requested_at}`)
    await row.locator(`time[datetime="${resent.requested_at}"]`).waitFor()

    await markButton.click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText(email).waitFor()
    expect(await dialog.getByText(/recorded in the customer's activity timeline with your name/).isVisible(), "the prompt does not say the action is recorded")
    await confirmPrompt(page, "Mark as verified")
    await expectToast(page, "E-mail address marked as verified")
    await row.getByText("Verified", { exact: true }).waitFor()
    const verified = await readVerification()
    expect(verified.status === "verified" && verified.verified_at, `API after Mark as verified: ${JSON.stringify(verified)}`)
    const on = await row.locator(`time[datetime="${verified.verified_at}"]`).innerText()
    expect(on === widgetDate(verified.verified_at), `the verification date reads "${on}", expected "${widgetDate(verified.verified_at)}"`)
    expect((await resendButton.count()) === 0 && (await markButton.count()) === 0, "verification actions are still offered")
    expect((await row.getByText("Not verified", { exact: true }).count()) === 0, "the row still reads Not verified")

    const me = await currentAdmin(api)
    const entry = await waitForActivity(api, id, "email.verified", (activity) => activity.type === "email.verified" && activity.data.email === email)
    expect(
      entry.actor.type === "user" && entry.actor.id === me.id && entry.actor.name === me.name,
      `the email.verified entry's actor is ${JSON.stringify(entry.actor)}, not the admin ${JSON.stringify(me)}`
    )
    const { item, message, text } = await activityLine(page, entry)
    const line = `E-mail address ${email} verified`
    expect(message === line, `the email.verified entry reads "${message}", expected "${line}"`)
    expect((await item.getByText(me.name, { exact: true }).count()) === 1, `the email.verified entry does not name the admin: ${text}`)
    expect((await verificationEmails()).length === 2, "Mark as verified sent another verification e-mail")
    await screenshot("account-security.email-verified", card)
  })

  await runner.check("account security: Set password checks as typed, saves, and shows a reused password's refusal instead of the tick until edited", async () => {
    // A customer of its own: the seeded one keeps its password for later checks.
    const email = `pat@set-password-${seed().runId}.test`
    const { id } = await createCustomerAccount(api, seed().publishableKey, { email, firstName: "Pat", lastName: "Neumann" })
    await openAdminPage(page, `/app/customers/${id}`)
    const drawer = page.getByRole("dialog", { name: "Set password" })
    const field = drawer.getByLabel("New password", { exact: true })
    const save = drawer.getByRole("button", { name: "Save", exact: true })
    const meetsPolicy = drawer.getByText("Meets the password policy.", { exact: true })
    const refused = drawer.getByText("The password was not accepted:", { exact: true })
    const password = `quiet harbour lanterns ${seed().runId}`

    await card.getByRole("button", { name: "Set password", exact: true }).click()
    expect((await field.getAttribute("type")) === "password", "the password is shown before asking")
    await drawer.getByRole("button", { name: "Show password", exact: true }).click()
    await drawer.getByRole("button", { name: "Hide password", exact: true }).waitFor()
    expect((await field.getAttribute("type")) === "text", "Show password did not show it")
    await field.fill(password)
    await meetsPolicy.waitFor()
    await save.click()
    await expectToast(page, "Password set")
    await drawer.waitFor({ state: "hidden" })
    const login = await api.customerLogin(email, password, seed().storefront)
    expect(login === 200, `the customer's login with the new password answered ${login}`)

    await card.getByRole("button", { name: "Set password", exact: true }).click()
    await field.fill(password)
    await meetsPolicy.waitFor()
    await save.click()
    await refused.waitFor()
    expect(await drawer.getByText(/^Must differ from the customer's (previous|last \d+) password/).isVisible(), "the refusal names no reason")
    expect((await meetsPolicy.count()) === 0, "the drawer still says the refused password meets the policy")
    expect(await save.isDisabled(), "Save is still enabled for the refused password")
    await screenshot("set-password.refused", drawer)
    await field.fill(`${password}!`)
    await meetsPolicy.waitFor()
    expect((await refused.count()) === 0, "the refusal stays after the password changed")
    await page.keyboard.press("Escape")
    await page.getByRole("alertdialog").getByRole("button", { name: "Discard", exact: true }).click()
    await drawer.waitFor({ state: "hidden" })
    const again = await api.customerLogin(email, password, seed().storefront)
    expect(again === 200, `the customer's login answered ${again} after the refused and discarded attempts`)
  })

  await runner.check("account security: a guest reads Guest (no account), with no lock, counters, actions, verification, MFA or login attempts", async () => {
    // Customers the admin creates have no account: the same as a guest checkout.
    const email = `guest@guest-${seed().runId}.test`
    const { customer: guest } = await api.adminPost("/admin/customers", { email, first_name: "Gina", last_name: "Gast" })
    expect(guest.has_account === false, `API has_account ${guest.has_account}`)
    /** @type {string[]} */
    const verificationRequests = []
    const onRequest = (/** @type {import("playwright-core").Request} */ request) => {
      const { pathname } = new URL(request.url())
      if (pathname.endsWith("/email-verification") || pathname.endsWith("/mfa")) verificationRequests.push(request.url())
    }
    page.on("request", onRequest)
    try {
      await openAdminPage(page, `/app/customers/${guest.id}`)
      await rowValue(card, "Status").getByText("Guest (no account)", { exact: true }).waitFor()
    } finally {
      page.off("request", onRequest)
    }
    expect(verificationRequests.length === 0, `the guest's page asked for e-mail verification or MFA: ${verificationRequests.join(", ")}`)
    expect((await card.getByText("E-mail address", { exact: true }).count()) === 0, "the guest's card has an e-mail verification row")
    expect((await card.getByText("Two-step verification (MFA)", { exact: true }).count()) === 0, "the guest's card has an MFA row")
    expect((await card.getByText("Active", { exact: true }).count()) === 0, "the guest reads Active")
    expect(await card.getByText(/^This customer has no account \(a guest checkout, or a customer created in the admin\)/).isVisible(), "no explanation for the guest")
    expect((await card.getByRole("button").count()) === 0, `the guest's card offers: ${await card.getByRole("button").allInnerTexts()}`)
    expect((await card.getByText("Failed attempts in the current window", { exact: true }).count()) === 0, "the guest's card shows counters")
    await activityFilter.click()
    await page.getByRole("option", { name: "All activity", exact: true }).waitFor()
    const signIns = await page.getByRole("option", { name: "Sign-ins", exact: true }).count()
    await page.keyboard.press("Escape")
    expect(signIns === 0, "the guest's Activity card offers Sign-ins")
    await screenshot("account-security.guest", card)
  })
}
