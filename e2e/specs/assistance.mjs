// @ts-check
import { activityLine, currentAdmin, waitForActivity } from "../lib/activity.mjs"
import { confirmPrompt, expectToast, openAdminPage, rowValue, widget } from "../lib/browser.mjs"
import { eventually, expect } from "../lib/checks.mjs"
import { createCustomerAccount } from "../seed.mjs"

/**
 * @typedef {import("../lib/context.mjs").SpecContext} SpecContext
 * @typedef {import("../../src/admin/hooks/assistance").AdminCustomerAssistanceResponse} AdminCustomerAssistanceResponse
 * @typedef {import("../../src/admin/hooks/assistance").AdminAssistanceSessionsResponse} AdminAssistanceSessionsResponse
 */

/**
 * The storefront page that exchanges the code (the e2e app's
 * `assistance.storefrontUrl`, scripts/test-e2e.mjs). Nothing listens there:
 * the spec exchanges the code itself, as that page would.
 */
export const ASSISTANCE_STOREFRONT_URL = "http://localhost:9471/account/assisted?code={code}"

/** The card, its row and its actions (en.json, customerAccounts.assistance). */
const TITLE = "Assisted shopping"
const CONSENT = "Customer's permission"
const SIGN_IN_AS_CUSTOMER = "Sign in as customer"
const CREATE_LINK = "Create sign-in link"
const END = "End"
const END_SESSION = "End session"
const NO_SESSION = "No assisted session is running."
/** The settings page's card (en.json, customerAccounts.settings.assistance). */
const SETTINGS_TITLE = "Assisted shopping sessions"

/** Where the customer signs in from: a documentation address of its own. */
const SHOPPER = {
  "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "x-forwarded-for": "192.0.2.77",
}

const REASON = "Customer called: cannot find the gift wrap option"

/**
 * Assisted shopping ("sign in as customer", issue 25) in Chromium. A
 * customer allows it in their account (store API); the customer page's
 * Assisted shopping card shows the consent with its end; the owner starts a
 * session with a reason and reads the one-time link; the spec exchanges the
 * link's code at `POST /auth/customer/assistance` as the storefront would,
 * and the token it gets is the customer's (`GET /store/customers/me`); the
 * card and Settings → Customer accounts list the running session; "End"
 * (confirmed) ends it and its token stops working; the Activity card shows
 * the start with the reason and the end.
 * @param {SpecContext} ctx
 */
export async function assistanceSpec({ runner, page, api, seed, screenshot }) {
  const card = widget(page, TITLE)
  const drawer = page.getByRole("dialog")

  /** @type {{ id: string, email: string, name: string } | undefined} */
  let subject
  const customer = () => {
    expect(subject, "the customer to assist was not created")
    return subject
  }
  /** @type {{ token: string } | undefined} */
  let assisted
  const storeHeaders = (/** @type {string} */ token) => ({
    authorization: `Bearer ${token}`,
    "x-publishable-api-key": seed().publishableKey,
  })
  const readAssistance = async () =>
    /** @type {AdminCustomerAssistanceResponse} */ (await api.adminGet(`/admin/customers/${customer().id}/assistance`)).assistance

  await runner.check("assisted shopping: a customer allows it for 24 hours in their account; the customer page shows Allowed until then", async () => {
    const { unique, publishableKey, customer: seeded } = seed()
    const email = `anna@${unique("assisted", "-")}.test`
    const { id } = await createCustomerAccount(api, publishableKey, { email, firstName: "Anna", lastName: "Hilfreich" })
    subject = { id, email, name: "Anna Hilfreich" }

    const login = await api.call("POST", "/auth/customer/emailpass", { email, password: seeded.password }, SHOPPER)
    expect(login.status === 200 && login.data?.token, `the customer's login answered ${login.status}`)
    const { assistance_consent: consent } = await api.expectOk(
      "POST",
      "/store/customers/me/assistance-consent",
      { allow: true, hours: 24 },
      { ...storeHeaders(login.data.token), ...SHOPPER }
    )
    expect(consent.required && consent.allowed && consent.expires_at, `consent: ${JSON.stringify(consent)}`)

    const before = await readAssistance()
    expect(before.enabled && before.consent.allowed && before.sessions.length === 0, `API: ${JSON.stringify(before)}`)

    await openAdminPage(page, `/app/customers/${id}`)
    const value = rowValue(card, CONSENT)
    await value.getByText("Allowed", { exact: true }).waitFor()
    const until = await value.locator("time").getAttribute("datetime")
    expect(until === consent.expires_at, `the card's "until" is ${until}, the consent ends ${consent.expires_at}`)
    await card.getByText(NO_SESSION, { exact: true }).waitFor()
  })

  await runner.check("assisted shopping: Sign in as customer asks for a reason, then shows a one-time link valid for 2 minutes; its code, exchanged as a storefront would, signs in as the customer, once", async () => {
    const { id } = customer()
    await card.getByRole("button", { name: SIGN_IN_AS_CUSTOMER, exact: true }).click()
    await drawer.waitFor({ state: "visible" })
    // Too short a reason is refused in the drawer, before any request.
    await drawer.locator("textarea[name=reason]").fill("ab")
    await drawer.getByRole("button", { name: CREATE_LINK, exact: true }).click()
    await drawer.getByText("Give a reason of at least 3 characters.", { exact: true }).waitFor()
    expect((await readAssistance()).sessions.length === 0, "a session started without a reason")

    await drawer.locator("textarea[name=reason]").fill(REASON)
    await drawer.getByRole("button", { name: CREATE_LINK, exact: true }).click()
    const linkInput = drawer.locator("input[name=assistance-link]")
    await linkInput.waitFor()
    const link = await linkInput.inputValue()
    const prefix = ASSISTANCE_STOREFRONT_URL.replace("{code}", "")
    expect(link.startsWith(prefix), `the link is ${link}`)
    const code = new URL(link).searchParams.get("code")
    expect(code, `no code in ${link}`)
    await drawer.getByText(/^Works once, for 2 minutes \(until .+\)\.$/).waitFor()
    const open = drawer.getByRole("link", { name: "Open in new tab", exact: true })
    expect((await open.getAttribute("href")) === link, `Open in new tab points at ${await open.getAttribute("href")}`)
    expect((await open.getAttribute("target")) === "_blank", "Open in new tab opens in the same tab")

    // The storefront's side: the code for a customer token, once.
    const exchange = await api.call("POST", "/auth/customer/assistance", { code }, SHOPPER)
    expect(exchange.status === 200 && typeof exchange.data?.token === "string", `the exchange answered ${exchange.status}: ${JSON.stringify(exchange.data)}`)
    assisted = { token: exchange.data.token }
    const { customer: me } = await api.expectOk("GET", "/store/customers/me", undefined, storeHeaders(assisted.token))
    expect(me.id === id, `the assisted token is customer ${me.id}, not ${id}`)
    const again = await api.call("POST", "/auth/customer/assistance", { code }, SHOPPER)
    expect(again.status === 401, `the code worked twice (${again.status})`)

    await drawer.getByRole("button", { name: "Done", exact: true }).click()
    await drawer.waitFor({ state: "hidden" })
  })

  await runner.check("assisted shopping: the card and Settings → Customer accounts list the running session with the staff member, the reason and its end", async () => {
    const { id, name } = customer()
    const admin = await currentAdmin(api)
    const { sessions } = await readAssistance()
    expect(sessions.length === 1 && sessions[0].reason === REASON, `API: ${JSON.stringify(sessions)}`)

    const item = card.getByRole("listitem").filter({ hasText: REASON })
    await item.waitFor()
    const text = (await item.innerText()).replace(/\s+/g, " ")
    expect(text.includes(`Signed in by ${admin.name}`), `the card's session reads "${text}"`)
    expect((await item.locator(`time[datetime="${sessions[0].ends_at}"]`).count()) === 1, "the card does not show when the session ends")
    await screenshot("assistance", card)

    /** @type {AdminAssistanceSessionsResponse} */
    const all = await api.adminGet("/admin/customer-accounts/assistance-sessions")
    expect(all.sessions.some((session) => session.id === sessions[0].id && session.customer_id === id), `settings API: ${JSON.stringify(all.sessions)}`)
    await openAdminPage(page, "/app/settings/customer-accounts")
    const row = widget(page, SETTINGS_TITLE).getByRole("row").filter({ hasText: REASON })
    await row.waitFor()
    const customerLink = row.getByRole("link", { name, exact: true })
    expect((await customerLink.getAttribute("href"))?.endsWith(`/customers/${id}`), `the customer link points at ${await customerLink.getAttribute("href")}`)
    expect((await row.innerText()).includes(admin.name), "the settings row does not name the staff member")
    expect(await row.getByRole("button", { name: END, exact: true }).isEnabled(), "End is disabled for the owner")
  })

  await runner.check("assisted shopping: End (confirmed) on the customer page ends the session; its token stops working", async () => {
    const { id } = customer()
    expect(assisted, "no assisted token")
    await openAdminPage(page, `/app/customers/${id}`)
    const item = card.getByRole("listitem").filter({ hasText: REASON })
    await item.getByRole("button", { name: END, exact: true }).click()
    await confirmPrompt(page, END_SESSION)
    await expectToast(page, "Assisted session ended")
    await card.getByText(NO_SESSION, { exact: true }).waitFor()
    expect((await readAssistance()).sessions.length === 0, "the API still lists a running session")
    const after = await api.call("GET", "/store/customers/me", undefined, storeHeaders(assisted.token))
    expect(after.status === 401, `the ended session's token still answers ${after.status}`)
  })

  await runner.check("assisted shopping: the Activity card shows the start with the staff member and the reason, and the end by an admin", async () => {
    const { id } = customer()
    const admin = await currentAdmin(api)
    const started = await waitForActivity(api, id, "assistance.started", (entry) => entry.type === "assistance.started")
    const ended = await waitForActivity(api, id, "assistance.ended", (entry) => entry.type === "assistance.ended")
    expect(started.data.reason === REASON, `the start recorded ${JSON.stringify(started.data)}`)
    expect(ended.data.ended_by === "admin", `the end recorded ${JSON.stringify(ended.data)}`)

    await openAdminPage(page, `/app/customers/${id}`)
    const activity = widget(page, "Activity")
    const showMore = activity.getByRole("button", { name: "Show more", exact: true })
    // The start is a few entries down (the assisted session's own start and end follow it).
    for (let round = 0; round < 5 && (await showMore.isVisible()); round++) {
      const before = await activity.locator("ol > li").count()
      await showMore.click()
      await eventually(() => activity.locator("ol > li").count(), (shown) => shown > before, { what: "Show more adds entries" })
    }
    const startLine = await activityLine(page, started)
    expect(startLine.message.includes(admin.name) && startLine.message.includes(REASON), `the start reads "${startLine.message}"`)
    const endLine = await activityLine(page, ended)
    expect(endLine.message === "Assisted shopping ended by an admin", `the end reads "${endLine.message}"`)
  })
}
