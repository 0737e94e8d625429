// @ts-check
import { expectToast, openAdminPage, rowValue, widget } from "../lib/browser.mjs"
import { activityLine, currentAdmin, listActivity, waitForActivity } from "../lib/activity.mjs"
import { eventually, expect } from "../lib/checks.mjs"
import { TOTP_PERIOD_MS, totpCode } from "../lib/totp.mjs"

/**
 * @typedef {import("../lib/context.mjs").SpecContext} SpecContext
 * @typedef {import("../../src/types/account-security").AdminCustomerMfaResponse} AdminCustomerMfaResponse
 * @typedef {import("../../src/types/account-activity").AdminAccountActivity} AdminAccountActivity
 */

/** The row's label and the action's name (en.json, customerAccounts.security). */
const ROW = "Two-step verification (MFA)"
const REMOVE = "Remove two-step verification"

/** The template of the e-mail that tells the customer (src/subscribers/notify-mfa-reset.ts). */
const MFA_RESET_TEMPLATE = "customer-mfa-reset"

/**
 * The date alone as the widget formats it: the browser runs with locale
 * en-US in Europe/Berlin (lib/browser.mjs).
 * @param {string} iso
 */
const widgetDate = (iso) =>
  new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "Europe/Berlin" }).format(new Date(iso))

/**
 * A code the authenticator app would not show now, nor one step before or
 * after (Medusa accepts a step either side).
 * @param {string} secret
 */
function wrongCode(secret) {
  const now = Date.now()
  const valid = new Set([-1, 0, 1].map((step) => totpCode(secret, now + step * TOTP_PERIOD_MS)))
  for (let candidate = 0; ; candidate++) {
    const code = String(candidate).padStart(6, "0")
    if (!valid.has(code)) return code
  }
}

/**
 * Two-step verification in the Account security card: "Off" for a customer
 * without a factor; the seeded customer's authenticator app with its
 * set-up day, their code-decided logins in the Activity card; Remove asks
 * first, then the row reads Off, the password alone signs them in, they get
 * an e-mail, and the Activity card shows the reset by the admin.
 * @param {SpecContext} ctx
 */
export async function accountSecurityMfaSpec({ runner, page, api, seed, screenshot }) {
  const card = widget(page, "Account security")
  const row = rowValue(card, ROW)
  const removeButton = card.getByRole("button", { name: REMOVE, exact: true })
  const mfaCustomer = () => seed().mfaCustomer
  /** @param {string} customerId */
  const readMfa = async (customerId) =>
    /** @type {AdminCustomerMfaResponse} */ (await api.adminGet(`/admin/customers/${customerId}/mfa`))
  /** The MFA customer's password login, from their own IP. */
  const passwordLogin = () =>
    api.call("POST", "/auth/customer/emailpass", { email: mfaCustomer().email, password: mfaCustomer().password }, mfaCustomer().headers)
  /**
   * The line of an entry in the Activity card.
   * @param {string} what
   * @param {AdminAccountActivity} entry
   * @param {string} line the translated line (en.json, customerAccounts.activity.messages)
   */
  const expectLine = async (what, entry, line) => {
    const shown = await activityLine(page, entry)
    expect(shown.message === line, `the ${what} entry reads "${shown.message}", expected "${line}"`)
    return shown
  }

  await runner.check("account security: two-step verification reads Off for a customer without a factor, with no Remove action", async () => {
    const { id } = seed().customer
    const mfa = await readMfa(id)
    expect(!mfa.enabled && mfa.mfa_factors.length === 0, `API: ${JSON.stringify(mfa)}`)
    await openAdminPage(page, `/app/customers/${id}`)
    await row.getByText("Off", { exact: true }).waitFor()
    expect((await removeButton.count()) === 0, `${REMOVE} is offered without a factor`)
  })

  await runner.check("account security: a customer with an authenticator app reads it with its set-up day; a wrong and a right code at login read as two-step entries in the Activity card", async () => {
    const { id, secret, factor } = mfaCustomer()
    const mfa = await readMfa(id)
    const enabled = mfa.mfa_factors.filter((candidate) => candidate.status === "enabled")
    expect(mfa.enabled && enabled.length === 1 && enabled[0].id === factor.id && enabled[0].provider === "totp", `API: ${JSON.stringify(mfa)}`)

    // The password alone opens a challenge; its code decides the login.
    const login = await passwordLogin()
    expect(login.status === 200 && login.data.mfa_required === true && login.data.mfa_challenge?.id, `the password login answered ${login.status}: ${JSON.stringify(login.data)}`)
    const challenge = `/auth/mfa/challenges/${login.data.mfa_challenge.id}/verify`
    const challengeAuth = { ...mfaCustomer().headers, authorization: `Bearer ${login.data.token}` }
    const wrong = await api.call("POST", challenge, { method: "totp", code: wrongCode(secret) }, challengeAuth)
    expect(wrong.status >= 400 && wrong.status < 500 && !wrong.data?.token, `a wrong code answered ${wrong.status}: ${JSON.stringify(wrong.data)}`)
    // The next step's code: the set-up may have used this step's (Medusa accepts a step either side).
    const right = await api.call("POST", challenge, { method: "totp", code: totpCode(secret, Date.now() + TOTP_PERIOD_MS) }, challengeAuth)
    expect(right.status === 200 && right.data?.token, `the right code answered ${right.status}: ${JSON.stringify(right.data)}`)

    // Written by subscribers after the answers: listed before the page loads.
    const entries = {
      enabled: await waitForActivity(api, id, "mfa.enabled", (activity) => activity.type === "mfa.enabled" && activity.data.mfa_id === factor.id),
      failed: await waitForActivity(api, id, "login.failed by an MFA code", (activity) => activity.type === "login.failed" && activity.data.factor === "mfa"),
      succeeded: await waitForActivity(api, id, "login.succeeded by an MFA code", (activity) => activity.type === "login.succeeded" && activity.data.factor === "mfa"),
    }
    expect(entries.enabled.actor.type === "customer", `the mfa.enabled entry's actor is ${JSON.stringify(entries.enabled.actor)}`)

    await openAdminPage(page, `/app/customers/${id}`)
    await row.getByText("Authenticator app", { exact: true }).waitFor()
    expect(await row.getByText(factor.label, { exact: true }).isVisible(), `the row does not name the factor "${factor.label}"`)
    const since = await row.locator(`time[datetime="${enabled[0].created_at}"]`).innerText()
    expect(since === `since ${widgetDate(enabled[0].created_at)}`, `the factor's day reads "${since}"`)
    expect((await row.getByText("Off", { exact: true }).count()) === 0, "the row also reads Off")
    expect(await removeButton.isVisible(), `no ${REMOVE} button`)

    await expectLine("mfa.enabled", entries.enabled, "Two-step verification turned on: authenticator app")
    await expectLine("login.failed by an MFA code", entries.failed, "Wrong two-step code")
    await expectLine("login.succeeded by an MFA code", entries.succeeded, "Logged in with a two-step code")
    await screenshot("account-security.mfa", card)
  })

  await runner.check("account security: Remove two-step verification asks first; confirmed, the row reads Off, the password alone signs in, the customer is e-mailed and the Activity card shows the reset by the admin", async () => {
    const { id, email, factor } = mfaCustomer()
    const dialog = page.getByRole("alertdialog")

    await removeButton.click()
    await dialog.waitFor({ state: "visible" })
    for (const text of [email, /password only/, /recovery codes stop working/, /get an e-mail/]) {
      expect(await dialog.getByText(text).isVisible(), `the prompt does not say ${text}`)
    }
    await dialog.getByRole("button", { name: "Cancel", exact: true }).click()
    await dialog.waitFor({ state: "hidden" })
    expect((await readMfa(id)).enabled, "Cancel removed the factor")
    await row.getByText("Authenticator app", { exact: true }).waitFor()

    await removeButton.click()
    await dialog.waitFor({ state: "visible" })
    await dialog.getByRole("button", { name: REMOVE, exact: true }).click()
    await dialog.waitFor({ state: "hidden" })
    await expectToast(page, "Two-step verification removed")
    await row.getByText("Off", { exact: true }).waitFor()
    expect((await row.getByText("Authenticator app", { exact: true }).count()) === 0, "the row still names the authenticator app")
    await removeButton.waitFor({ state: "detached" })

    const mfa = await readMfa(id)
    const removed = mfa.mfa_factors.find((candidate) => candidate.id === factor.id)
    expect(!mfa.enabled && removed?.status === "disabled", `API after the reset: ${JSON.stringify(mfa)}`)
    const login = await passwordLogin()
    expect(login.status === 200 && login.data.token && !login.data.mfa_required, `the password login answered ${login.status} after the reset: ${JSON.stringify(login.data)}`)
    await eventually(
      async () =>
        (await api.adminGet(`/admin/notifications?to=${encodeURIComponent(email)}&fields=template`)).notifications.map(
          (/** @type {{ template: string }} */ notification) => notification.template
        ),
      (templates) => templates.includes(MFA_RESET_TEMPLATE),
      { what: `no ${MFA_RESET_TEMPLATE} e-mail to the customer` }
    )

    const me = await currentAdmin(api)
    // The card refetches after the action, and once more a moment later for the subscriber's entry.
    const entry = await waitForActivity(api, id, "mfa.reset", (activity) => activity.type === "mfa.reset")
    const { item, text } = await expectLine("mfa.reset", entry, "Two-step verification removed by an admin; recovery codes voided")
    expect(
      entry.actor.type === "user" && entry.actor.id === me.id && entry.actor.name === me.name,
      `the mfa.reset entry's actor is ${JSON.stringify(entry.actor)}, not the admin ${JSON.stringify(me)}`
    )
    const factors = /** @type {{ id: string, provider: string }[]} */ (entry.data.factors)
    expect(factors.length === 1 && factors[0].id === factor.id && factors[0].provider === "totp", `the mfa.reset entry's data: ${JSON.stringify(entry.data)}`)
    expect((await item.getByText(me.name, { exact: true }).count()) === 1, `the mfa.reset entry does not name the admin: ${text}`)
    // The reset is the admin's: no entry says the customer turned it off.
    const disabled = (await listActivity(api, id)).filter((activity) => activity.type === "mfa.disabled")
    expect(disabled.length === 0, `the reset also left mfa.disabled entries: ${JSON.stringify(disabled)}`)
    await screenshot("account-security.mfa-removed", card)
  })
}
