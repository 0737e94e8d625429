// @ts-check
import fs from "node:fs"
import { translations as zxcvbnEnglish } from "@zxcvbn-ts/language-en"
import { openAdminPage, rowValue, widget } from "../lib/browser.mjs"
import { eventually, expect } from "../lib/checks.mjs"
import { blockIp, createCustomerAccount } from "../seed.mjs"

/** @typedef {import("../lib/context.mjs").SpecContext} SpecContext */
/** @typedef {import("playwright-core").Page} Page */
/** @typedef {{ name: string, profile: string, edit: string, save: string, savedToast: string }} DashboardLanguage */

/**
 * Settings → Profile → ⋯ → Edit → Language, as a Back Office user switches
 * the dashboard's language (Medusa keeps it in the browser: cookie and
 * localStorage `lng`). The form reads in the language left, the toast after
 * saving already in the new one.
 * @param {Page} page
 * @param {DashboardLanguage} from
 * @param {DashboardLanguage} to
 */
async function switchLanguage(page, from, to) {
  await openAdminPage(page, "/app/settings/profile")
  const profile = widget(page, from.profile, { level: 1 })
  await profile.getByRole("button").first().click()
  await page.getByRole("menuitem", { name: from.edit, exact: true }).click()
  const drawer = page.getByRole("dialog")
  await drawer.getByRole("combobox").click()
  await page.getByRole("option", { name: to.name, exact: true }).click()
  await drawer.getByRole("button", { name: from.save, exact: true }).click()
  await page.locator("[data-sonner-toast]").filter({ hasText: to.savedToast }).first().waitFor()
  await drawer.waitFor({ state: "hidden" })
}

/**
 * The widgets' strings come from src/admin/i18n: in German the cards read
 * German. Switches back to English so the language does not leak into a
 * later run of the same browser profile (each run uses a fresh one anyway).
 * @param {SpecContext} ctx
 */
export async function i18nSpec({ runner, page, api, seed, screenshot }) {
  // Medusa's own strings (node_modules/@medusajs/dashboard/src/i18n/translations).
  /** @type {DashboardLanguage} */
  const english = { name: "English", profile: "Profile", edit: "Edit", save: "Save", savedToast: "Profiles changes saved" }
  /** @type {DashboardLanguage} */
  const german = { name: "Deutsch", profile: "Profil", edit: "Bearbeiten", save: "Speichern", savedToast: "Profiländerungen gespeichert" }

  await runner.check("i18n: after Settings → Profile → Language = Deutsch the widgets read German", async () => {
    await switchLanguage(page, english, german)
    await openAdminPage(page, `/app/customers/${seed().customer.id}`)
    const notes = widget(page, "Notizen")
    await notes.getByText("Interne Notizen zu diesem Kunden. Kunden sehen sie nie.", { exact: true }).waitFor()
    expect(await notes.getByRole("button", { name: "Speichern", exact: true }).isVisible(), "the notes form has no German Save button")
    expect(await widget(page, "Kontosicherheit").isVisible(), "no German account security card")
    expect(await widget(page, "Präferenzen").isVisible(), "no German preferences card")
    expect(await widget(page, "Automatische Mitgliedschaften").isVisible(), "no German automatic memberships card")
    expect((await widget(page, "Notes").count()) === 0, "an English Notes card is still shown")
    const lng = await page.evaluate(() => window.localStorage.getItem("lng"))
    expect(lng === "de", `the dashboard stored language "${lng}"`)
    await screenshot("customer-notes.de", notes)
  })

  await runner.check("i18n: the Activity card reads German: its filter, a note's entry and its kind", async () => {
    const customerId = seed().customer.id
    const { note } = await api.adminPost(`/admin/customers/${customerId}/notes`, { body: "Rückruf vereinbart." })
    await api.expectOk("DELETE", `/admin/customers/${customerId}/notes/${note.id}`, undefined, api.adminHeaders)
    // Written by a subscriber after the response.
    await eventually(
      () => api.adminGet(`/admin/customers/${customerId}/activity?limit=1`),
      (list) => list.activities[0]?.type === "note.deleted" && list.activities[0].data.note_id === note.id,
      { what: "the newest entry is the deleted note", timeoutMs: 30_000 }
    )
    await openAdminPage(page, `/app/customers/${customerId}`)
    const card = widget(page, "Aktivität")
    const newest = card.locator("ol > li").first()
    await newest.waitFor()
    const message = await newest.locator("p").first().innerText()
    expect(message === "Notiz gelöscht", `the newest entry reads "${message}"`)
    expect((await newest.innerText()).includes("Notizen"), `the entry has no German kind: ${await newest.innerText()}`)
    const filter = await card.getByRole("combobox", { name: "Anzeigen", exact: true }).innerText()
    expect(filter.trim() === "Alle Aktivitäten", `the filter reads "${filter}"`)
    expect((await widget(page, "Activity").count()) === 0, "an English Activity card is still shown")
    await screenshot("account-activity.de", card)
  })

  // The seeded block was lifted by the account security checks: a second
  // burst from another documentation address brings the section back.
  await runner.check("i18n: a blocked IP reads German in the account security card", async () => {
    const ip = "198.51.100.23"
    await blockIp(api, { ip, customer: seed().customer, strangerDomain: `stuffing-de-${seed().runId}.test` })
    await openAdminPage(page, `/app/customers/${seed().customer.id}`)
    const card = widget(page, "Kontosicherheit")
    await card.getByRole("heading", { level: 3, name: "Gesperrte IP-Adressen", exact: true }).waitFor()
    const row = card.locator("li").filter({ hasText: ip })
    const until = await row.getByText(/^Gesperrt bis /).innerText()
    expect(/\d{2}\.\d{2}\.\d{4}/.test(until), `the block's end is not a German date: "${until}"`)
    expect(await row.getByRole("button", { name: `${ip} entsperren`, exact: true }).isVisible(), "no German Unblock button naming the IP")
    expect(await row.getByText("Entsperren", { exact: true }).isVisible(), "the Unblock button's German label is not shown")
    await screenshot("account-security.de", card)
  })

  await runner.check("i18n: a guest's account security card reads Gast (kein Konto)", async () => {
    const email = `gast@guest-de-${seed().runId}.test`
    const { customer: guest } = await api.adminPost("/admin/customers", { email, first_name: "Gerd", last_name: "Gast" })
    await openAdminPage(page, `/app/customers/${guest.id}`)
    const card = widget(page, "Kontosicherheit")
    await rowValue(card, "Status").getByText("Gast (kein Konto)", { exact: true }).waitFor()
    expect(await card.getByText(/^Dieser Kunde hat kein Konto \(eine Gastbestellung/).isVisible(), "no German explanation for the guest")
  })

  await runner.check("i18n: the e-mail verification row, its actions and the Mark as verified prompt read German", async () => {
    const email = `vera@verify-de-${seed().runId}.test`
    const { id } = await createCustomerAccount(api, seed().publishableKey, { email, firstName: "Vera", lastName: "Prüfer" })
    const status = async () => (await api.adminGet(`/admin/customers/${id}/email-verification`)).email_verification.status
    // Requested by subscribers after the sign-up answered.
    await eventually(status, (current) => current === "pending", { what: "the API reports no pending verification after the registration" })
    await openAdminPage(page, `/app/customers/${id}`)
    const card = widget(page, "Kontosicherheit")
    const row = rowValue(card, "E-Mail-Adresse")
    await row.getByText("Nicht bestätigt", { exact: true }).waitFor()
    const linkSent = await row.locator("time").innerText()
    expect(/^Link .+ gesendet$/.test(linkSent), `the pending link reads "${linkSent}"`)
    expect(
      await card.getByRole("button", { name: "Bestätigungs-E-Mail erneut senden", exact: true }).isVisible(),
      "no German Resend verification e-mail button"
    )
    await screenshot("account-security.email-verification.de", card)
    await card.getByRole("button", { name: "Als bestätigt markieren", exact: true }).click()
    const prompt = page.getByRole("alertdialog")
    await prompt.getByText("E-Mail-Adresse als bestätigt markieren?", { exact: true }).waitFor()
    expect(await prompt.getByText(/mit Ihrem Namen in der Aktivität des Kunden festgehalten/).isVisible(), "the German prompt does not say the action is recorded")
    await prompt.getByRole("button", { name: "Abbrechen", exact: true }).click()
    await prompt.waitFor({ state: "hidden" })
    const after = await status()
    expect(after === "pending", `cancelling the prompt left the address ${after}`)
  })

  await runner.check("i18n: the two-step verification row and the timeline's two-step entries read German", async () => {
    // The MFA customer after the account security checks: their factor was removed by the admin.
    const { id } = seed().mfaCustomer
    await openAdminPage(page, `/app/customers/${id}`)
    const card = widget(page, "Kontosicherheit")
    await rowValue(card, "Zwei-Faktor-Authentifizierung (MFA)").getByText("Aus", { exact: true }).waitFor()
    const activity = widget(page, "Aktivität")
    // Five entries a page: the older ones come with "Mehr anzeigen".
    await activity.locator("ol > li").first().waitFor()
    const showMore = activity.getByRole("button", { name: "Mehr anzeigen", exact: true })
    const items = activity.locator("ol > li")
    while (await showMore.isVisible()) {
      // Each click adds a page: wait for it, or the button of the page before
      // (gone once the last page renders) is seen and clicked again.
      const before = await items.count()
      await showMore.click()
      await eventually(() => items.count(), (shown) => shown > before, { what: "Mehr anzeigen adds entries" })
      await page.waitForLoadState("networkidle")
    }
    for (const line of [
      "Zwei-Faktor-Authentifizierung von einem Admin entfernt; Wiederherstellungscodes ungültig",
      "Mit Zwei-Faktor-Code angemeldet",
      "Falscher Zwei-Faktor-Code",
      "Zwei-Faktor-Authentifizierung eingeschaltet: Authenticator-App",
    ]) {
      await activity.getByText(line, { exact: true }).waitFor()
    }
  })

  await runner.check("i18n: the Set password drawer reads German: show/hide toggle, zxcvbn's advice, the unsaved-changes prompt", async () => {
    const customerId = seed().customer.id
    const weak = "password1"
    // What the server says about it (in English), and what the page should say instead.
    const { strength } = await api.adminPost(`/admin/customers/${customerId}/password-strength`, { password: weak })
    const advice = [
      ...(strength.warning ? [{ kind: "warnings", text: strength.warning }] : []),
      ...strength.suggestions.map((/** @type {string} */ text) => ({ kind: "suggestions", text })),
    ]
    expect(advice.length > 0, `the server gives no advice on "${weak}": ${JSON.stringify(strength)}`)
    const de = JSON.parse(fs.readFileSync(new URL("../../src/admin/i18n/json/de.json", import.meta.url), "utf8"))
    /** @type {Record<string, Record<string, string>>} */
    const english = zxcvbnEnglish
    const german = advice.map(({ kind, text }) => {
      const key = Object.keys(english[kind]).find((candidate) => english[kind][candidate] === text)
      expect(key, `"${text}" is not one of zxcvbn's ${kind}`)
      return de.customerAccounts.security.strength.feedback[kind][key]
    })

    await openAdminPage(page, `/app/customers/${customerId}`)
    await widget(page, "Kontosicherheit").getByRole("button", { name: "Passwort festlegen", exact: true }).click()
    const drawer = page.getByRole("dialog", { name: "Passwort festlegen" })
    await drawer.getByRole("button", { name: "Passwort anzeigen", exact: true }).click()
    await drawer.getByRole("button", { name: "Passwort verbergen", exact: true }).waitFor()
    await drawer.getByLabel("Neues Passwort", { exact: true }).fill(weak)
    for (const text of german) {
      await drawer.getByText(text, { exact: true }).waitFor()
    }
    for (const { text } of advice) {
      expect((await drawer.getByText(text, { exact: true }).count()) === 0, `English advice on the German page: "${text}"`)
    }
    await screenshot("set-password.de", drawer)
    await drawer.getByRole("button", { name: "Abbrechen", exact: true }).click()
    const prompt = page.getByRole("alertdialog")
    await prompt.getByText("Ungespeicherte Änderungen verwerfen?", { exact: true }).waitFor()
    await prompt.getByRole("button", { name: "Verwerfen", exact: true }).click()
    await drawer.waitFor({ state: "hidden" })
  })

  await runner.check("i18n: Settings → Kundenkonten reads German, sidebar entry included", async () => {
    await openAdminPage(page, "/app/settings/customer-accounts")
    expect(await page.getByRole("link", { name: "Kundenkonten", exact: true }).isVisible(), "no German sidebar entry")
    await page.getByRole("heading", { level: 1, name: "Kundenkonten", exact: true }).waitFor()
    const automaticGroups = widget(page, "Automatische Gruppen")
    await automaticGroups.getByText(`E-Mail-Domain ist ${seed().groups.automatic.matchingDomain} (jede Adresse, unbestätigt)`, { exact: true }).waitFor()
    expect(await automaticGroups.getByRole("button", { name: "Jetzt neu auswerten", exact: true }).isVisible(), "no German Re-evaluate button")
    expect(await widget(page, "Standardgruppen").isVisible(), "no German default groups card")
  })

  await runner.check("i18n: switching back to English restores the English labels", async () => {
    await switchLanguage(page, german, english)
    await openAdminPage(page, `/app/customers/${seed().customer.id}`)
    await widget(page, "Notes").getByText("Internal notes about this customer. Customers never see them.", { exact: true }).waitFor()
    expect((await widget(page, "Notizen").count()) === 0, "a German Notes card is still shown")
  })
}
