// @ts-check
import fs from "node:fs"
import { expectToast, openAdminPage, rowValue, widget } from "../lib/browser.mjs"
import { currentAdmin, waitForActivity } from "../lib/activity.mjs"
import { eventually, expect } from "../lib/checks.mjs"
import { createAddress, createCustomerAccount } from "../seed.mjs"

/**
 * @typedef {import("../lib/context.mjs").SpecContext} SpecContext
 * @typedef {import("../../src/types/customer-privacy").AdminCustomerPrivacyResponse} AdminCustomerPrivacyResponse
 * @typedef {import("../../src/types/customer-privacy").AdminErasureRequestsResponse} AdminErasureRequestsResponse
 * @typedef {import("../../src/types/customer-privacy").CustomerDataExport} CustomerDataExport
 * @typedef {import("../../src/types/customer-privacy").StoreAnonymizeResponse} StoreAnonymizeResponse
 * @typedef {import("../../src/types/customer-note").AdminCustomerNote} AdminCustomerNote
 */

/** The card's title, row and actions (en.json, customerAccounts.privacy). */
const TITLE = "Personal data (GDPR)"
const STATUS = "Status"
const EXPORT = "Export data"
const ANONYMIZE = "Anonymize"
/** The settings page's card (en.json, customerAccounts.settings.erasureRequests). */
const ERASURE_REQUESTS = "Erasure requests"
const NO_ERASURE_REQUESTS = "No erasure requests are waiting."

/**
 * Where the customer who asks for erasure signs in from: an address of its
 * own, so the login counts toward no other IP's limit.
 */
const REQUESTER = {
  "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "x-forwarded-for": "198.51.100.91",
}

/**
 * The date alone as the card formats it: the browser runs with locale en-US
 * in Europe/Berlin (lib/browser.mjs).
 * @param {string} iso
 */
const widgetDate = (iso) =>
  new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "Europe/Berlin" }).format(new Date(iso))

/** Spaces normalised: ICU versions differ in the spaces they put in dates. */
const normalise = (/** @type {string} */ value) => value.replace(/\s+/g, " ").trim()

/**
 * The date and time of a tooltip, in the browser's locale and zone as above.
 * @param {string} iso
 */
const tooltipDateTime = (iso) =>
  normalise(new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" }).format(new Date(iso)))

/**
 * The Personal data (GDPR) card: a customer with an address and a note reads
 * Active; Export downloads their data as a JSON file; Anonymize stays
 * disabled until their e-mail is typed, Cancel changes nothing, confirming
 * erases them (the page no longer shows the e-mail); a request the customer
 * made in the storefront reads "Erasure requested" with a hint, waits in
 * Settings → Customer accounts → Erasure requests with a link to the
 * customer, and leaves that list once the admin anonymized the customer there.
 * @param {SpecContext} ctx
 */
export async function customerPrivacySpec({ runner, page, api, seed, screenshot }) {
  const card = widget(page, TITLE)
  const status = rowValue(card, STATUS)
  const exportButton = card.getByRole("button", { name: EXPORT, exact: true })
  const anonymizeButton = card.getByRole("button", { name: ANONYMIZE, exact: true })
  const dialog = page.getByRole("alertdialog")
  const confirmButton = dialog.getByRole("button", { name: ANONYMIZE, exact: true })

  /**
   * Anonymizes the customer whose page is open, through the card's prompt.
   * @param {string} email what the admin types to confirm
   */
  const anonymizeThroughPrompt = async (email) => {
    await anonymizeButton.click()
    await dialog.waitFor({ state: "visible" })
    await dialog.getByRole("textbox").fill(email)
    await confirmButton.click()
    await expectToast(page, "Customer anonymized")
    await dialog.waitFor({ state: "hidden" })
  }

  /** @type {{ id: string, email: string, address: { id: string, label: string }, note: AdminCustomerNote } | undefined} */
  let subject
  const customer = () => {
    expect(subject, "the customer to anonymize was not created")
    return subject
  }
  /** @type {{ id: string, email: string, requestedAt: string } | undefined} */
  let requester
  const erasureRequester = () => {
    expect(requester, "the customer who asked for erasure was not created")
    return requester
  }
  const erasureRequests = widget(page, ERASURE_REQUESTS)
  /** @param {string} email */
  const erasureRequestItem = (email) => erasureRequests.getByRole("listitem").filter({ hasText: email })
  const readErasureRequests = async () =>
    /** @type {AdminErasureRequestsResponse} */ (await api.adminGet("/admin/customer-accounts/erasure-requests"))
  /** @param {string} id */
  const readPrivacy = async (id) =>
    /** @type {AdminCustomerPrivacyResponse} */ (await api.adminGet(`/admin/customers/${id}/privacy`)).privacy

  await runner.check(`personal data: a customer with an address and a note reads Active, with ${EXPORT} and ${ANONYMIZE}, below the plugin's other side cards`, async () => {
    const { unique, publishableKey } = seed()
    const email = `petra@${unique("privacy", "-")}.test`
    const { id } = await createCustomerAccount(api, publishableKey, { email, firstName: "Petra", lastName: "Privat" })
    const address = await createAddress(api, id, { address_name: "Home", address_1: "Lindenallee 5", city: "Leipzig" })
    const { note } = await api.adminPost(`/admin/customers/${id}/notes`, { body: "Asked for a copy of her data, then for erasure." })
    subject = { id, email, address, note }

    const privacy = await readPrivacy(id)
    expect(
      privacy.status === "active" && privacy.email === email && privacy.requested_at === null && privacy.anonymized_at === null,
      `API: ${JSON.stringify(privacy)}`
    )

    await openAdminPage(page, `/app/customers/${id}`)
    await status.getByText("Active", { exact: true }).waitFor()
    expect(await exportButton.isVisible(), `no ${EXPORT} button`)
    expect(await anonymizeButton.isVisible(), `no ${ANONYMIZE} button`)

    // The side column: below the plugin's other cards there.
    const box = await card.boundingBox()
    for (const other of ["Account security", "Preferences"]) {
      const otherBox = await widget(page, other).boundingBox()
      expect(box && otherBox && box.y > otherBox.y && Math.abs(box.x - otherBox.x) < 2, `the card is not below ${other} in the same column: ${JSON.stringify({ box, otherBox })}`)
    }
    await screenshot("customer-privacy", card)
  })

  await runner.check(`personal data: ${EXPORT} downloads a JSON file with export_version 1, the customer's e-mail, address and note; the timeline records the admin's export`, async () => {
    const { id, email, address, note } = customer()
    const [download] = await Promise.all([page.waitForEvent("download"), exportButton.click()])
    const filename = download.suggestedFilename()
    expect(filename === `customer-${id}-export.json`, `the file is named "${filename}"`)
    const file = await download.path()
    expect(file, `the download failed: ${await download.failure()}`)
    /** @type {CustomerDataExport} */
    const document = JSON.parse(fs.readFileSync(file, "utf8"))
    expect(document.export_version === 1, `export_version is ${document.export_version}`)
    expect(document.customer?.id === id && document.customer.email === email, `the export's customer: ${JSON.stringify(document.customer)}`)
    expect(document.addresses.some((candidate) => candidate.id === address.id), `the export lists no address ${address.id}: ${JSON.stringify(document.addresses)}`)
    expect(document.notes.some((candidate) => candidate.id === note.id && candidate.body === note.body), `the export lists no note ${note.id}: ${JSON.stringify(document.notes)}`)
    await expectToast(page, `Data exported as ${filename}`)

    const me = await currentAdmin(api)
    const entry = await waitForActivity(api, id, "account.exported", (activity) => activity.type === "account.exported")
    expect(entry.data.requested_by === "admin" && entry.actor.type === "user" && entry.actor.id === me.id, `the account.exported entry: ${JSON.stringify(entry)}`)
  })

  await runner.check(`personal data: ${ANONYMIZE} explains what it erases, stays disabled until the exact e-mail is typed (any case), and Cancel changes nothing`, async () => {
    const { id, email } = customer()
    await anonymizeButton.click()
    await dialog.waitFor({ state: "visible" })
    for (const text of [email, /cannot be undone/, /replaced by placeholders/, /sign-in history are erased/, /IP addresses are removed/, /Orders are kept/]) {
      expect(await dialog.getByText(text).first().isVisible(), `the prompt does not say ${text}`)
    }
    const field = dialog.getByRole("textbox")
    expect(await confirmButton.isDisabled(), `${ANONYMIZE} is enabled before anything is typed`)
    for (const wrong of [email.slice(0, -1), `${email}x`, email.split("@")[0]]) {
      await field.fill(wrong)
      expect(await confirmButton.isDisabled(), `${ANONYMIZE} is enabled with "${wrong}" typed`)
    }
    await field.fill(email.toUpperCase())
    expect(await confirmButton.isEnabled(), `${ANONYMIZE} stays disabled with the e-mail typed in upper case`)
    await screenshot("customer-privacy.prompt", dialog)

    await dialog.getByRole("button", { name: "Cancel", exact: true }).click()
    await dialog.waitFor({ state: "hidden" })
    const privacy = await readPrivacy(id)
    expect(privacy.status === "active" && privacy.email === email, `API after Cancel: ${JSON.stringify(privacy)}`)
    const { customer: stored } = await api.adminGet(`/admin/customers/${id}?fields=email,*addresses`)
    expect(stored.email === email && stored.addresses.length === 1, `the customer after Cancel: ${JSON.stringify(stored)}`)
    await status.getByText("Active", { exact: true }).waitFor()

    // Opened again, the field starts empty.
    await anonymizeButton.click()
    await dialog.waitFor({ state: "visible" })
    expect((await dialog.getByRole("textbox").inputValue()) === "", "the field kept what was typed before Cancel")
    expect(await confirmButton.isDisabled(), `${ANONYMIZE} is enabled when the prompt opens again`)
    await page.keyboard.press("Escape")
    await dialog.waitFor({ state: "hidden" })
  })

  await runner.check(`personal data: confirming ${ANONYMIZE} reads Anonymized, keeps ${EXPORT}, erases address and note, and the page no longer shows the e-mail`, async () => {
    const { id, email, note } = customer()
    await anonymizeThroughPrompt(email)

    const privacy = await readPrivacy(id)
    expect(privacy.status === "anonymized" && privacy.anonymized_at && privacy.email === null, `API after anonymizing: ${JSON.stringify(privacy)}`)
    await status.getByText(`Anonymized ${widgetDate(privacy.anonymized_at)}`, { exact: true }).waitFor()
    await anonymizeButton.waitFor({ state: "detached" })
    expect(await exportButton.isVisible(), `no ${EXPORT} button once anonymized`)

    const { customer: stored } = await api.adminGet(`/admin/customers/${id}?fields=email,first_name,last_name,*addresses`)
    expect(stored.email !== email && (stored.addresses ?? []).length === 0, `the customer after anonymizing: ${JSON.stringify(stored)}`)
    expect(stored.first_name !== "Petra" && stored.last_name !== "Privat", `the names stayed: ${JSON.stringify(stored)}`)
    /** @type {AdminCustomerNote[]} */
    const notes = (await api.adminGet(`/admin/customers/${id}/notes?limit=100`)).notes
    expect(!notes.some((candidate) => candidate.id === note.id), `the note is still listed: ${JSON.stringify(notes)}`)

    // The dashboard's own customer queries were refetched: no reload needed.
    const main = page.locator("body")
    await eventually(
      async () => normalise(await main.innerText()),
      (text) => !text.toLowerCase().includes(email.toLowerCase()),
      { what: `the customer page still shows ${email}`, timeoutMs: 10_000 }
    )
    await eventually(
      async () => normalise(await main.innerText()),
      (text) => !text.includes("Petra") && !text.includes("Privat"),
      { what: "the customer page still shows the customer's name", timeoutMs: 10_000 }
    )
    // After a reload too (nothing only hidden by the cache).
    await openAdminPage(page, `/app/customers/${id}`)
    await status.getByText(`Anonymized ${widgetDate(privacy.anonymized_at)}`, { exact: true }).waitFor()
    const reloaded = normalise(await main.innerText())
    expect(!reloaded.toLowerCase().includes(email.toLowerCase()), `the reloaded page shows ${email}`)
    expect(await card.getByText(/The personal data was erased on/).isVisible(), "no hint that the data was erased")

    const entry = await waitForActivity(api, id, "account.anonymized", (activity) => activity.type === "account.anonymized")
    expect(entry.actor.type === "user", `the account.anonymized entry's actor: ${JSON.stringify(entry.actor)}`)
    await screenshot("customer-privacy.anonymized", card)
  })

  await runner.check("personal data: a customer's erasure request through POST /store/customers/me/anonymize (202) reads Erasure requested with the day and a hint to confirm", async () => {
    const { unique, publishableKey, customer: seeded } = seed()
    const email = `rolf@${unique("erasure", "-")}.test`
    const { id } = await createCustomerAccount(api, publishableKey, { email, firstName: "Rolf", lastName: "Anfrage" })
    const login = await api.call("POST", "/auth/customer/emailpass", { email, password: seeded.password }, REQUESTER)
    expect(login.status === 200 && login.data?.token, `the customer's login answered ${login.status}: ${JSON.stringify(login.data)}`)
    const customerHeaders = { ...REQUESTER, authorization: `Bearer ${login.data.token}`, "x-publishable-api-key": publishableKey }

    const request = await api.call("POST", "/store/customers/me/anonymize", { password: seeded.password }, customerHeaders)
    /** @type {StoreAnonymizeResponse} */
    const answer = request.data
    expect(
      request.status === 202 && answer?.anonymization?.status === "requested" && "requested_at" in answer.anonymization,
      `POST /store/customers/me/anonymize answered ${request.status}: ${JSON.stringify(request.data)}`
    )
    const requestedAt = answer.anonymization.requested_at
    requester = { id, email, requestedAt }
    const privacy = await readPrivacy(id)
    expect(privacy.status === "requested" && privacy.requested_at === requestedAt && privacy.email === email, `API: ${JSON.stringify(privacy)}`)

    await openAdminPage(page, `/app/customers/${id}`)
    const day = widgetDate(requestedAt)
    await status.getByText(`Erasure requested ${day}`, { exact: true }).waitFor()
    const hint = card.locator(`time[datetime="${requestedAt}"]`)
    const hintText = normalise(await hint.innerText())
    expect(hintText === normalise(`The customer asked to erase their data on ${day}. Confirm by anonymizing.`), `the hint reads "${hintText}"`)
    expect(await anonymizeButton.isVisible(), `no ${ANONYMIZE} button for a requested erasure`)
    expect(await exportButton.isVisible(), `no ${EXPORT} button for a requested erasure`)

    const entry = await waitForActivity(api, id, "account.anonymization_requested", (activity) => activity.type === "account.anonymization_requested")
    expect(entry.actor.type === "customer", `the account.anonymization_requested entry's actor: ${JSON.stringify(entry.actor)}`)
    await screenshot("customer-privacy.requested", card)
  })

  await runner.check(`personal data: Settings → Customer accounts → ${ERASURE_REQUESTS} lists the request (name, e-mail, when, the exact date in a tooltip) with a link to the customer`, async () => {
    const { id, email, requestedAt } = erasureRequester()
    const { erasure_requests: listed, count } = await readErasureRequests()
    const fromApi = listed.find((candidate) => candidate.customer_id === id)
    expect(
      fromApi && fromApi.email === email && fromApi.first_name === "Rolf" && fromApi.last_name === "Anfrage" && fromApi.requested_at === requestedAt,
      `API lists ${JSON.stringify(listed)}`
    )
    expect(count >= listed.length, `API count ${count} below the ${listed.length} listed`)
    const times = listed.map((candidate) => Date.parse(candidate.requested_at))
    expect(times.every((time, index) => index === 0 || times[index - 1] <= time), `API lists newer requests first: ${JSON.stringify(listed)}`)

    await openAdminPage(page, "/app/settings/customer-accounts")
    await erasureRequests
      .getByText("Customers asked to erase their data; GDPR gives you a month. Open the customer to anonymize.", { exact: true })
      .waitFor()
    const item = erasureRequestItem(email)
    await item.waitFor()
    const link = item.getByRole("link", { name: "Rolf Anfrage", exact: true })
    expect((await link.getAttribute("href")) === `/app/customers/${id}`, `the link goes to ${await link.getAttribute("href")}`)
    expect(await item.getByText(email, { exact: true }).isVisible(), `the row shows no ${email}`)
    const time = item.locator(`time[datetime="${requestedAt}"]`)
    const when = normalise(await time.innerText())
    expect(/^Requested (now|\d+ (seconds?|minutes?) ago)$/.test(when), `the row reads "${when}"`)
    await time.hover()
    const tooltip = page.getByRole("tooltip").filter({ hasText: /\d{4}/ }).first()
    await tooltip.waitFor({ state: "attached" })
    const exact = normalise((await tooltip.textContent()) ?? "")
    expect(exact === tooltipDateTime(requestedAt), `the tooltip reads "${exact}"`)
    await page.mouse.move(0, 0)
    if (count > listed.length) {
      await erasureRequests.getByText(`and ${count - listed.length} more`, { exact: true }).waitFor()
    }
    await screenshot("customer-accounts-settings.erasure-requests", erasureRequests)
  })

  await runner.check(`personal data: the request's link opens the customer, ${ANONYMIZE} there settles it, and back on the settings page the list no longer shows it (no reload)`, async () => {
    const { id, email } = erasureRequester()
    await erasureRequestItem(email).getByRole("link", { name: "Rolf Anfrage", exact: true }).click()
    await page.waitForURL(new RegExp(`/app/customers/${id}$`))
    await status.getByText(/^Erasure requested /).waitFor()
    await anonymizeThroughPrompt(email)
    await status.getByText(/^Anonymized /).waitFor()

    const { erasure_requests: listed, count } = await readErasureRequests()
    expect(!listed.some((candidate) => candidate.customer_id === id), `API still lists the request: ${JSON.stringify(listed)}`)

    // Back in the browser's history: the dashboard's cache would keep the
    // list for 90 s, so only the anonymization's invalidation refreshes it.
    await page.goBack()
    await page.waitForURL(/\/app\/settings\/customer-accounts$/)
    await erasureRequests.waitFor()
    await eventually(
      () => erasureRequestItem(email).count(),
      (rows) => rows === 0,
      { what: `the settings page still lists ${email}`, timeoutMs: 10_000 }
    )
    if (count === 0) {
      await erasureRequests.getByText(NO_ERASURE_REQUESTS, { exact: true }).waitFor()
    }
    // After a reload too.
    await openAdminPage(page, "/app/settings/customer-accounts")
    await erasureRequests.getByRole("heading", { level: 2, name: ERASURE_REQUESTS, exact: true }).waitFor()
    await (count === 0 ? erasureRequests.getByText(NO_ERASURE_REQUESTS, { exact: true }) : erasureRequests.getByRole("list")).waitFor()
    expect((await erasureRequestItem(email).count()) === 0, `the reloaded settings page lists ${email}`)
  })
}
