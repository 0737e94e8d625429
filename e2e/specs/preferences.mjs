// @ts-check
import { expectToast, openAdminPage, rowValue, widget } from "../lib/browser.mjs"
import { expect } from "../lib/checks.mjs"

/**
 * @typedef {import("../lib/context.mjs").SpecContext} SpecContext
 * @typedef {import("../../src/types/customer-preference").CustomerPreferences} CustomerPreferences
 * @typedef {import("playwright-core").Locator} Locator
 */

/**
 * Chooses an option of a labelled Radix select (the trigger is the labelled control).
 * @param {Locator} scope
 * @param {string} label
 * @param {string | RegExp} option a string matches the whole option text
 */
async function choose(scope, label, option) {
  await scope.getByLabel(label, { exact: true }).click()
  const choice = scope.page().getByRole("option", { name: option, exact: true })
  const text = await choice.innerText()
  await choice.click()
  const shown = await scope.getByLabel(label, { exact: true }).innerText()
  expect(shown === text, `"${label}" shows "${shown}" after choosing "${text}"`)
}

/**
 * Preferences widget: the seeded values, then an edit in the drawer; with a
 * store that lists no languages, the language is searched among the
 * locales Medusa knows, and a word that names no language is refused.
 * @param {SpecContext} ctx
 */
export async function preferencesSpec({ runner, page, api, seed, screenshot }) {
  const card = widget(page, "Preferences")
  const readPreferences = async () =>
    /** @type {CustomerPreferences} */ ((await api.adminGet(`/admin/customers/${seed().customer.id}/preferences`)).preferences)

  await runner.check("preferences: shows the seeded language, billing address and consents", async () => {
    await openAdminPage(page, `/app/customers/${seed().customer.id}`)
    await card.getByText("Language", { exact: true }).waitFor()
    const language = await rowValue(card, "Language").innerText()
    expect(language.includes("German (Germany)") && language.includes("de-DE"), `Language reads "${language}"`)
    const billing = await rowValue(card, "Default billing address").innerText()
    expect(billing === seed().addresses.home.label, `Default billing address reads "${billing}"`)
    const shipping = await rowValue(card, "Default shipping address").innerText()
    expect(shipping === "Not set", `Default shipping address reads "${shipping}"`)
    const email = await rowValue(card, "E-mail marketing").innerText()
    const sms = await rowValue(card, "SMS marketing").innerText()
    expect(email === "On" && sms === "Off", `consents read ${email} / ${sms}`)
    // The side column: right of Medusa's own Customer Groups card.
    const [own, side] = await Promise.all([widget(page, "Customer Groups").boundingBox(), card.boundingBox()])
    expect(own && side && side.x > own.x + own.width, `the card is not in the side column (${JSON.stringify({ own, side })})`)
  })

  await runner.check("preferences: Edit changes language, shipping address and SMS consent (page and API)", async () => {
    const before = await readPreferences()
    await card.getByRole("button", { name: "Edit", exact: true }).click()
    const drawer = page.getByRole("dialog", { name: "Edit preferences" })
    await drawer.waitFor()
    // Intl names the tag in the dashboard's language ("American English" in Chromium).
    await choose(drawer, "Language", /\(en-US\)$/)
    await choose(drawer, "Default shipping address", seed().addresses.office.label)
    const sms = drawer.getByRole("switch", { name: "SMS marketing" })
    await sms.click()
    expect((await sms.getAttribute("aria-checked")) === "true", "the SMS switch did not turn on")
    await drawer.getByRole("button", { name: "Save", exact: true }).click()
    await expectToast(page, "Preferences updated")
    await drawer.waitFor({ state: "hidden" })
    await rowValue(card, "SMS marketing").getByText("On", { exact: true }).waitFor()
    const language = await rowValue(card, "Language").innerText()
    expect(language.includes("en-US"), `Language reads "${language}"`)
    const shipping = await rowValue(card, "Default shipping address").innerText()
    expect(shipping === seed().addresses.office.label, `Default shipping address reads "${shipping}"`)

    const after = await readPreferences()
    expect(after.locale === "en-US", `API locale ${after.locale}`)
    expect(after.default_shipping_address_id === seed().addresses.office.id, `API shipping address ${after.default_shipping_address_id}`)
    expect(after.communication.sms_marketing && after.communication.sms_marketing_updated_at, "API: SMS consent not stored with its time")
    // Only changed fields are sent: the rest must be untouched.
    expect(after.default_billing_address_id === before.default_billing_address_id, "the billing address changed")
    expect(after.communication.email_marketing === true, "the e-mail consent changed")
    expect(
      after.communication.email_marketing_updated_at === before.communication.email_marketing_updated_at,
      "the e-mail consent's time changed although it was not edited"
    )
    await screenshot("preferences", card)
  })

  await runner.check("preferences: a store without languages offers Medusa's locales to search, and refuses a word that names no language", async () => {
    const before = await readPreferences()
    const { stores } = await api.adminGet("/admin/stores?fields=id,*supported_locales")
    const store = stores[0]
    /** @type {{ locale_code: string }[]} */
    const locales = store.supported_locales.map((/** @type {{ locale_code: string }} */ { locale_code }) => ({ locale_code }))
    await api.adminPost(`/admin/stores/${store.id}`, { supported_locales: [] })
    try {
      await openAdminPage(page, `/app/customers/${seed().customer.id}`)
      await card.getByRole("button", { name: "Edit", exact: true }).click()
      const drawer = page.getByRole("dialog", { name: "Edit preferences" })
      await drawer.waitFor()
      const field = drawer.getByRole("combobox", { name: "Language", exact: true })
      await field.fill("german")
      const list = drawer.getByRole("listbox", { name: "Languages Medusa knows" })
      await list.waitFor()
      const options = await list.getByRole("option").allInnerTexts()
      expect(options.length >= 3 && options.every((option) => /German/.test(option)), `searching "german" lists ${JSON.stringify(options)}`)
      expect(options.some((option) => option.endsWith("(de-AT)")), `searching "german" lists no de-AT: ${JSON.stringify(options)}`)

      // Typed as it is, "german" is a well-formed tag that names no language: refused before it is sent.
      await drawer.getByRole("heading", { name: "Edit preferences" }).click()
      await drawer.getByRole("button", { name: "Save", exact: true }).click()
      await drawer.getByText("This names no language. Choose one from the list, or enter a tag like de-DE or en.", { exact: true }).waitFor()

      await field.fill("austria")
      await list.getByRole("option", { name: /\(de-AT\)$/ }).click()
      expect((await field.inputValue()) === "de-AT", `the field holds "${await field.inputValue()}" after choosing Austrian German`)
      await drawer.getByText(/^Recognized as .+ \(de-AT\)\.$/).waitFor()
      await screenshot("preferences.locale-search", drawer)
      await drawer.getByRole("button", { name: "Save", exact: true }).click()
      await expectToast(page, "Preferences updated")
      await drawer.waitFor({ state: "hidden" })
      const after = await readPreferences()
      expect(after.locale === "de-AT", `API locale ${after.locale}`)
    } finally {
      await api.adminPost(`/admin/stores/${store.id}`, { supported_locales: locales })
      // The specs after this one read the customer's language as the previous check left it.
      await api.adminPost(`/admin/customers/${seed().customer.id}/preferences`, { locale: before.locale })
    }
  })
}
