// @ts-check
// The account activity timeline from the specs' side: its entries through
// the admin API (written by event subscribers, after the action's answer, so
// waited for) and an entry's line in the customer page's Activity card.

import { eventually, expect } from "./checks.mjs"
import { widget } from "./browser.mjs"

/**
 * @typedef {import("playwright-core").Page} Page
 * @typedef {import("playwright-core").Locator} Locator
 * @typedef {import("./api.mjs").Api} Api
 * @typedef {import("../../src/types/account-activity").AdminAccountActivity} AdminAccountActivity
 * @typedef {import("../../src/types/account-activity").AdminAccountActivityListResponse} AdminAccountActivityListResponse
 * @typedef {import("../../src/types/customer-note").AdminCustomerNote} AdminCustomerNote
 */

/**
 * The customer's newest 100 entries.
 * @param {Api} api
 * @param {string} customerId
 * @returns {Promise<AdminAccountActivity[]>}
 */
export async function listActivity(api, customerId) {
  /** @type {AdminAccountActivityListResponse} */
  const list = await api.adminGet(`/admin/customers/${customerId}/activity?limit=100`)
  return list.activities
}

/**
 * Waits until the API lists an entry that `match`es and answers the newest one.
 * @param {Api} api
 * @param {string} customerId
 * @param {string} what
 * @param {(activity: AdminAccountActivity) => boolean} match
 */
export async function waitForActivity(api, customerId, what, match) {
  const activities = await eventually(
    () => listActivity(api, customerId),
    (list) => list.some(match),
    { what: `the API lists no ${what} entry`, timeoutMs: 30_000 }
  )
  const entry = activities.find(match)
  expect(entry, `the API lists no ${what} entry`)
  return entry
}

/**
 * The signed-in admin as the timeline names them: id, and "First Last",
 * else the e-mail (as GET /admin/customers/:id/activity resolves `actor.name`).
 * @param {Api} api
 * @returns {Promise<{ id: string, email: string, name: string }>}
 */
export async function currentAdmin(api) {
  /** @type {{ user: { id: string, email: string, first_name: string | null, last_name: string | null } }} */
  const { user } = await api.adminGet("/admin/users/me")
  return { id: user.id, email: user.email, name: [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email }
}

/**
 * The Activity card's line for one entry (the list item with the entry's
 * time), once the card lists it: the card refetches after the admin's
 * actions, and once more a moment later for what subscribers write late.
 * @param {Page} page
 * @param {AdminAccountActivity} entry
 * @returns {Promise<{ item: Locator, message: string, text: string }>}
 */
export async function activityLine(page, entry) {
  const item = widget(page, "Activity")
    .locator("ol > li")
    .filter({ has: page.locator(`time[datetime="${entry.occurred_at}"]`) })
  await item.first().waitFor()
  expect((await item.count()) === 1, `the Activity card lists ${await item.count()} entries at ${entry.occurred_at}`)
  const normalise = (/** @type {string} */ value) => value.replace(/\s+/g, " ").trim()
  return {
    item,
    message: normalise(await item.locator("p").first().innerText()),
    text: normalise(await item.innerText()),
  }
}

/**
 * The customer's notes through the API and the page's Notes card hold no
 * system note: security actions are timeline entries now, not notes.
 * @param {Api} api
 * @param {Locator} notesCard
 * @param {string} customerId
 */
export async function expectNoSystemNotes(api, notesCard, customerId) {
  /** @type {AdminCustomerNote[]} */
  const notes = (await api.adminGet(`/admin/customers/${customerId}/notes?limit=100`)).notes
  const system = notes.filter((note) => note.is_system || note.author_id === "system")
  expect(system.length === 0, `the API lists system notes: ${system.map((note) => note.body).join(" | ")}`)
  // The card shows what the API lists (it refetches after each action), none as a system entry.
  await eventually(
    () => notesCard.locator("article").count(),
    (shown) => shown === notes.length,
    { what: `the Notes card shows the API's ${notes.length} notes` }
  )
  const badges = await notesCard.getByText("System entry", { exact: true }).count()
  expect(badges === 0, `the Notes card shows ${badges} system entries`)
}
