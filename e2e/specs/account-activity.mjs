// @ts-check
import { expectToast, openAdminPage, widget } from "../lib/browser.mjs"
import { eventually, expect } from "../lib/checks.mjs"
import { createCustomerAccount } from "../seed.mjs"

/**
 * @typedef {import("../lib/context.mjs").SpecContext} SpecContext
 * @typedef {import("playwright-core").Locator} Locator
 * @typedef {import("../../src/types/account-activity").AdminAccountActivity} AdminAccountActivity
 * @typedef {import("../../src/types/account-activity").AdminAccountActivityListResponse} AdminAccountActivityListResponse
 */

/** The widget's page size (ACCOUNT_ACTIVITY_PAGE_SIZE in src/admin/lib/account-activity.ts). */
const PAGE_SIZE = 5

/**
 * Where the failed sign-in comes from: a documentation address of its own
 * (the seed's storefront IP is one failure short of its block) and a
 * browser the widget shortens.
 */
const BROWSER = {
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0",
  "x-forwarded-for": "198.51.100.41",
}
const BROWSER_SHORT = "Firefox 131 (Linux)"

/** Passes the dev app's password policy; the customer never signs in with it. */
const PASSWORD = "amber kettle crossing the dunes 4"

/**
 * The date and time of the tooltip: the browser runs with locale en-US in
 * Europe/Berlin (lib/browser.mjs); spaces normalised (ICU versions differ).
 * @param {string} iso
 */
const tooltipDateTime = (iso) =>
  new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" })
    .format(new Date(iso))
    .replace(/\s+/g, " ")

/**
 * Activity widget: a customer of its own whose sign-in, preference, group
 * and note changes made through the API show up newest first, five at a
 * time; the kind filter; the Sign-ins filter (the login attempts, no card
 * of their own); a note added in the Notes card appearing without a reload;
 * paging.
 * Entries are written by event subscribers, after the API answered: every
 * step waits until the API lists its entry before the next one.
 * @param {SpecContext} ctx
 */
export async function accountActivitySpec({ runner, page, api, seed, admin, screenshot }) {
  const card = widget(page, "Activity")
  const items = card.locator("ol > li")
  /** @param {Locator} item */
  const messageOf = async (item) => (await item.locator("p").first().innerText()).trim()
  const messages = async () => Promise.all((await items.all()).map(messageOf))
  const kindFilter = card.getByRole("combobox", { name: "Show", exact: true })
  const showMore = card.getByRole("button", { name: "Show more", exact: true })
  /** Clicks "Show more" until the card lists every entry (each click adds one page). */
  const showAll = async () => {
    while (await showMore.isVisible()) {
      const before = await items.count()
      await showMore.click()
      await eventually(() => items.count(), (shown) => shown > before, { what: "Show more adds entries" })
      await page.waitForLoadState("networkidle")
    }
  }

  /** @type {{ id: string, email: string } | undefined} */
  let customer
  const customerId = () => {
    expect(customer, "the activity customer was not created")
    return customer.id
  }
  /** @param {string} [kind] @returns {Promise<AdminAccountActivityListResponse>} */
  const listActivity = (kind) =>
    api.adminGet(`/admin/customers/${customerId()}/activity?limit=50${kind ? `&kind=${kind}` : ""}`)
  /**
   * Waits until the API lists `count` entries that `match`.
   * @param {string} what
   * @param {(activity: AdminAccountActivity) => boolean} match
   * @param {number} [count]
   */
  const waitForEntries = (what, match, count = 1) =>
    eventually(
      listActivity,
      (list) => list.activities.filter(match).length >= count,
      { what: `the API lists ${count} × ${what}`, timeoutMs: 30_000 }
    )
  /** @param {string} kind */
  const chooseKind = async (kind) => {
    await kindFilter.click()
    await page.getByRole("option", { name: kind, exact: true }).click()
    expect((await kindFilter.innerText()).trim() === kind, `the filter shows "${await kindFilter.innerText()}" after choosing "${kind}"`)
    await page.waitForLoadState("networkidle")
  }

  /**
   * Newest first: what the page must list for the first check's actions.
   * @param {string} groupName
   */
  const expectedMessages = (groupName) => [
    "Note created",
    `Joined group ${groupName}`,
    "Preferred language changed from en-US to de-DE",
    "Preferred language set to en-US",
    "Login failed",
  ]

  await runner.check(
    "account activity: a failed login, two language changes, a group join and a note made through the API are listed newest first",
    async () => {
      const { unique } = seed()
      const email = `ada@${unique("activity", "-")}.test`
      const created = await createCustomerAccount(api, seed().publishableKey, { email, firstName: "Ada", lastName: "Aktiv" })
      customer = { id: created.id, email }
      const id = customerId()

      const status = await api.customerLogin(email, "not the password", BROWSER)
      expect(status === 401, `the wrong password answered ${status}`)
      await waitForEntries("login.failed", (activity) => activity.type === "login.failed")

      /** @param {unknown} to */
      const isLocaleChangeTo = (to) => (/** @type {AdminAccountActivity} */ activity) =>
        activity.type === "preferences.updated" &&
        Array.isArray(activity.data.changes) &&
        activity.data.changes.some((/** @type {{ field: string, to: unknown }} */ change) => change.field === "locale" && change.to === to)
      await api.adminPost(`/admin/customers/${id}/preferences`, { locale: "en-US" })
      await waitForEntries("preferences.updated to en-US", isLocaleChangeTo("en-US"))
      await api.adminPost(`/admin/customers/${id}/preferences`, { locale: "de-DE" })
      await waitForEntries("preferences.updated to de-DE", isLocaleChangeTo("de-DE"))

      const { customer_group: group } = await api.adminPost("/admin/customer-groups", { name: unique("Newsletter readers") })
      await api.adminPost(`/admin/customer-groups/${group.id}/customers`, { add: [id] })
      await waitForEntries(
        "group.joined",
        (activity) => activity.type === "group.joined" && activity.data.customer_group_id === group.id
      )

      await api.adminPost(`/admin/customers/${id}/notes`, { body: "Asked which data we keep about her." })
      const { activities, count } = await waitForEntries("note.created", (activity) => activity.type === "note.created")
      expect(count === activities.length, `count ${count}, but ${activities.length} entries on a page of 50`)
      expect(activities[0].type === "note.created", `the API's newest entry is ${activities[0].type}`)

      await openAdminPage(page, `/app/customers/${id}`)
      await items.first().waitFor()
      const firstPage = await messages()
      expect(firstPage.length === Math.min(count, PAGE_SIZE), `the page lists ${firstPage.length} entries, the API ${count}`)
      expect(count <= PAGE_SIZE || (await showMore.isVisible()), `${count} entries, but no Show more under the first ${PAGE_SIZE}`)
      await screenshot("account-activity", card)
      await showAll()
      const shown = await messages()
      expect(shown.length === count, `after Show more the page lists ${shown.length} entries, the API ${count}`)
      // Other entries (a default group joined on sign-up) may sit between ours.
      const expected = expectedMessages(group.name)
      const positions = expected.map((message) => shown.indexOf(message))
      expect(
        positions.every((position, index) => position >= 0 && (index === 0 || position > positions[index - 1])),
        `expected ${JSON.stringify(expected)} in this order, the page lists ${JSON.stringify(shown)}`
      )

      const note = items.nth(positions[0])
      const noteText = await note.innerText()
      expect(noteText.includes("Notes"), `the note entry has no Notes badge: ${noteText}`)
      expect(noteText.includes(admin.email), `the note entry does not name the admin: ${noteText}`)
      const login = items.nth(positions[4])
      const loginText = await login.innerText()
      expect(loginText.includes(`IP ${BROWSER["x-forwarded-for"]}`), `the failed login shows no IP: ${loginText}`)
      expect(loginText.includes(BROWSER_SHORT), `the failed login shows no shortened user agent: ${loginText}`)
      expect(!loginText.includes("Gecko/20100101"), `the failed login shows the whole user agent: ${loginText}`)

      // Relative time, the exact one in a tooltip.
      const time = items.first().locator("time")
      expect((await time.getAttribute("datetime")) === activities[0].occurred_at, "the newest entry's time is not the API's")
      expect(/ago|now/.test(await time.innerText()), `the newest entry's time reads "${await time.innerText()}"`)
      await time.hover()
      const tooltip = page.getByRole("tooltip").filter({ hasText: /\d{4}/ }).first()
      await tooltip.waitFor({ state: "attached" })
      const absolute = ((await tooltip.textContent()) ?? "").replace(/\s+/g, " ").trim()
      expect(absolute === tooltipDateTime(activities[0].occurred_at), `the tooltip reads "${absolute}"`)
      await page.mouse.move(0, 0)
    }
  )

  await runner.check("account activity: the kind filter narrows the list to Notes, then Security, and All shows everything again", async () => {
    const all = await messages()
    await chooseKind("Notes")
    const notes = await listActivity("notes")
    expect(notes.activities.every((activity) => activity.kind === "notes"), "the API's notes filter returned other kinds")
    await eventually(messages, (shown) => shown.length === notes.count, { what: `the page lists the ${notes.count} note entries` })
    const shownNotes = await messages()
    expect(shownNotes.every((message) => message.startsWith("Note ")), `Notes lists ${JSON.stringify(shownNotes)}`)

    await chooseKind("Security")
    const security = await listActivity("security")
    await eventually(messages, (shown) => shown.length === Math.min(security.count, PAGE_SIZE), { what: `the page lists the first of the ${security.count} security entries` })
    await showAll()
    await eventually(messages, (shown) => shown.length === security.count, { what: `the page lists the ${security.count} security entries` })
    const shownSecurity = await messages()
    expect(shownSecurity.includes("Login failed"), `Security lists ${JSON.stringify(shownSecurity)}`)
    expect(!shownSecurity.some((message) => message.startsWith("Note ") || message.startsWith("Preferred language")), `Security lists ${JSON.stringify(shownSecurity)}`)

    await chooseKind("All activity")
    await eventually(messages, (shown) => JSON.stringify(shown) === JSON.stringify(all), { what: "All lists what it listed before filtering" })
  })

  await runner.check(
    "account activity: Sign-ins lists the login attempts in the Activity card (no card of their own), the user agent shortened as in the timeline",
    async () => {
      expect((await widget(page, "Recent login attempts").count()) === 0, "the page still has a Recent login attempts card")
      /** @type {import("../../src/types/account-security").AdminCustomerSecurity} */
      const security = (await api.adminGet(`/admin/customers/${customerId()}/security`)).security
      await chooseKind("Sign-ins")
      const rows = card.locator("tbody tr")
      await rows.first().waitFor()
      expect((await items.count()) === 0, "Sign-ins still lists timeline entries")
      expect((await rows.count()) === Math.min(security.recent_attempts.length, PAGE_SIZE), `${await rows.count()} rows, API ${security.recent_attempts.length} attempts`)
      await showAll()
      expect((await rows.count()) === security.recent_attempts.length, `${await rows.count()} rows after Show more, API ${security.recent_attempts.length} attempts`)
      const failed = rows.filter({ hasText: BROWSER["x-forwarded-for"] })
      expect((await failed.count()) === 1, `expected one attempt from ${BROWSER["x-forwarded-for"]}`)
      const text = await failed.innerText()
      expect(text.includes("Failed") && text.includes("Storefront"), `the failed attempt reads: ${text}`)
      expect(text.includes(BROWSER_SHORT) && !text.includes("Gecko/20100101"), `the failed attempt's user agent is not the timeline's short form: ${text}`)
      // The whole user agent in a tooltip, as in the timeline.
      await failed.getByText(BROWSER_SHORT, { exact: true }).hover()
      await page.getByRole("tooltip").filter({ hasText: "Gecko/20100101" }).first().waitFor({ state: "attached" })
      await page.mouse.move(0, 0)
      await chooseKind("All activity")
      await items.first().waitFor()
    }
  )

  await runner.check("account activity: a note added in the Notes card shows up in the Activity card without a reload", async () => {
    const newest = () => items.first().locator("time").getAttribute("datetime")
    const before = await newest()
    const notes = widget(page, "Notes")
    await notes.getByRole("textbox", { name: "Note" }).fill("Wants her data export by e-mail.")
    await notes.getByRole("button", { name: "Save", exact: true }).click()
    await expectToast(page, "Note added")
    // The subscriber writes the entry after the response: the widget refetches once more a moment later.
    await eventually(
      async () => ({ time: await newest(), message: await messageOf(items.first()) }),
      ({ time, message }) => time !== before && message === "Note created",
      { what: "the Activity card lists the new note first", timeoutMs: 15_000 }
    )
  })

  await runner.check("account activity: Show more appears past one page, loads the next one in order, and disappears at the end", async () => {
    const id = customerId()
    // Four notes created and deleted: 8 entries more, so the timeline has three pages or more.
    for (let index = 0; index < 4; index++) {
      const { note } = await api.adminPost(`/admin/customers/${id}/notes`, { body: `Paging note ${index + 1}` })
      await api.expectOk("DELETE", `/admin/customers/${id}/notes/${note.id}`, undefined, api.adminHeaders)
    }
    const { count } = await waitForEntries("note.deleted", (activity) => activity.type === "note.deleted", 4)
    expect(count > 2 * PAGE_SIZE && count <= 50, `the customer has ${count} entries; the check needs three pages, and reads 50`)

    await openAdminPage(page, `/app/customers/${id}`)
    await items.first().waitFor()
    await showMore.waitFor()
    expect((await items.count()) === PAGE_SIZE, `the first page lists ${await items.count()} entries`)
    expect((await messageOf(items.first())) === "Note deleted", `the newest entry reads "${await messageOf(items.first())}"`)

    await showMore.click()
    await eventually(() => items.count(), (shown) => shown === 2 * PAGE_SIZE, { what: `Show more adds ${PAGE_SIZE} entries` })
    await showAll()
    expect((await items.count()) === count, `the page lists ${await items.count()} of ${count} entries`)
    await showMore.waitFor({ state: "detached" })
    // Each entry once, in the API's order (newest first).
    const times = await card.locator("ol > li time").evaluateAll((elements) => elements.map((element) => element.getAttribute("datetime")))
    const fromApi = (await listActivity()).activities.map((activity) => activity.occurred_at)
    expect(JSON.stringify(times) === JSON.stringify(fromApi), `the page's times ${JSON.stringify(times)}, the API's ${JSON.stringify(fromApi)}`)
    expect(fromApi.every((time, index) => index === 0 || Date.parse(fromApi[index - 1]) >= Date.parse(time)), `the API's entries are not newest first: ${JSON.stringify(fromApi)}`)
  })
}
