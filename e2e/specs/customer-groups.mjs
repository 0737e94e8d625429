// @ts-check
import { expectToast, openAdminPage, widget } from "../lib/browser.mjs"
import { eventually, expect } from "../lib/checks.mjs"
import { createCustomerAccount } from "../seed.mjs"

/**
 * @typedef {import("../lib/context.mjs").SpecContext} SpecContext
 * @typedef {import("../../src/types/customer-group-rule").CustomerGroupRuleSet} CustomerGroupRuleSet
 * @typedef {import("../../src/types/customer-group-rule").AdminCustomerGroupMembership} AdminCustomerGroupMembership
 * @typedef {import("../../src/types/customer-group-rule").CustomerAccountsSettings} CustomerAccountsSettings
 * @typedef {import("playwright-core").Locator} Locator
 */

/**
 * @param {SpecContext["api"]} api
 * @param {string} customerId
 */
const readMemberships = async (api, customerId) =>
  /** @type {AdminCustomerGroupMembership[]} */ ((await api.adminGet(`/admin/customers/${customerId}/group-memberships`)).memberships)

/**
 * @param {SpecContext["api"]} api
 * @param {string} groupId
 */
const readRuleSet = async (api, groupId) =>
  /** @type {CustomerGroupRuleSet} */ ((await api.adminGet(`/admin/customer-groups/${groupId}/rules`)).rule_set)

/**
 * The item of a card's list that links to this group.
 * @param {Locator} card
 * @param {string} name
 */
const groupItem = (card, name) => card.locator("li").filter({ has: card.page().getByRole("link", { name, exact: true }) })

/**
 * "Last run just now: 2 customers checked, 1 added, 0 removed" ends with what the API reports.
 * @param {Locator} lastRun
 * @param {CustomerGroupRuleSet["last_run"]} run
 */
async function expectRunReported(lastRun, run) {
  expect(run, "the API reports no run")
  const text = await lastRun.innerText()
  const expected = `${run.evaluated} customer${run.evaluated === 1 ? "" : "s"} checked, ${run.added} added, ${run.removed} removed`
  expect(text.endsWith(expected), `page "${text}", API ${JSON.stringify(run)}`)
}

/**
 * Automatic memberships widget (customer page, side column) and Automatic
 * membership widget (group page): no card for a manual-only customer, a rule
 * edit, a re-evaluation, then the automatic membership with its rule in words.
 * @param {SpecContext} ctx
 */
export async function customerGroupsSpec({ runner, page, api, seed, screenshot }) {
  const memberships = widget(page, "Automatic memberships")
  const rules = widget(page, "Automatic membership")
  const customerId = () => seed().customer.id
  const readRules = () => readRuleSet(api, seed().groups.automatic.id)

  await runner.check("automatic memberships: no card for a customer in a manual group only (Medusa's Customer Groups card lists it)", async () => {
    // The card decides once the memberships arrived: wait for them, not for a card.
    const answered = page.waitForResponse((response) => response.url().includes(`/admin/customers/${customerId()}/group-memberships`))
    await openAdminPage(page, `/app/customers/${customerId()}`)
    expect((await answered).ok(), "the memberships request failed")
    const { manual } = seed().groups
    await widget(page, "Customer Groups").getByText(manual.name, { exact: true }).first().waitFor()
    const fromApi = await readMemberships(api, customerId())
    expect(
      fromApi.length === 1 && fromApi[0].customer_group.id === manual.id && fromApi[0].source === "manual",
      `API memberships ${JSON.stringify(fromApi)}`
    )
    expect((await memberships.count()) === 0, "the plugin shows a card although the customer has no automatic or default membership")
  })

  await runner.check("group rules: shows the seeded rule, Automatic badge and Never run", async () => {
    await openAdminPage(page, `/app/customer-groups/${seed().groups.automatic.id}`)
    await rules.getByText(`E-mail domain is ${seed().groups.automatic.otherDomain} (any address, not verified)`, { exact: true }).waitFor()
    expect(await rules.getByText("Automatic", { exact: true }).isVisible(), "no Automatic badge")
    expect(await rules.getByText("Never run", { exact: true }).isVisible(), "a run is reported before any")
    const ruleSet = await readRules()
    expect(ruleSet.automatic && ruleSet.last_run === null, `API rule set ${JSON.stringify(ruleSet)}`)
  })

  await runner.check("group rules: Edit rules changes the domain in the drawer (page and API)", async () => {
    const { matchingDomain } = seed().groups.automatic
    await rules.getByRole("button", { name: "Edit rules", exact: true }).click()
    const drawer = page.getByRole("dialog", { name: "Edit membership rules" })
    const domains = drawer.getByLabel("Domains", { exact: true })
    expect((await domains.inputValue()) === seed().groups.automatic.otherDomain, `Domains field holds "${await domains.inputValue()}"`)
    await domains.fill(matchingDomain)
    await drawer.getByRole("button", { name: "Save", exact: true }).click()
    await expectToast(page, "Membership rules saved")
    await drawer.waitFor({ state: "hidden" })
    await rules.getByText(`E-mail domain is ${matchingDomain} (any address, not verified)`, { exact: true }).waitFor()
    const ruleSet = await readRules()
    expect(
      ruleSet.match === "all" && ruleSet.rules.length === 1 && ruleSet.rules[0].type === "email_domain" &&
        JSON.stringify(ruleSet.rules[0].domains) === JSON.stringify([matchingDomain]) &&
        ruleSet.rules[0].verified_only === false,
      `API rules ${JSON.stringify(ruleSet.rules)}`
    )
  })

  await runner.check("group rules: Re-evaluate now runs the rules and reports the run (page and API)", async () => {
    await rules.getByRole("button", { name: "Re-evaluate now", exact: true }).click()
    await expectToast(page, /^Re-evaluation started/)
    const started = await page.locator("[data-sonner-toast]").filter({ hasText: /^Re-evaluation started/ }).first().innerText()
    expect(!/\b(run|transaction)\b|[0-9A-Z]{8,}/.test(started), `the toast names an internal id: "${started}"`)
    // The widget polls until the background run reports back.
    const lastRun = rules.getByText(/^Last run just now: /)
    await lastRun.waitFor({ timeout: 60_000 })
    await expectToast(page, /^Re-evaluation finished/)
    const run = (await readRules()).last_run
    expect(run && run.added >= 1 && run.evaluated >= 1, `API last run ${JSON.stringify(run)}`)
    await expectRunReported(lastRun, run)
    const fromApi = await eventually(() => readMemberships(api, customerId()), (list) => list.length === 2, {
      what: "memberships after the run",
    })
    const automatic = fromApi.find((membership) => membership.customer_group.id === seed().groups.automatic.id)
    expect(automatic?.source === "automatic", `API memberships ${JSON.stringify(fromApi)}`)
    await screenshot("group-rules", rules)
  })

  await runner.check("automatic memberships: the side card shows the rule-made membership with its rule in words, not the manual one", async () => {
    await openAdminPage(page, `/app/customers/${customerId()}`)
    const { manual, automatic } = seed().groups
    const item = groupItem(memberships, automatic.name)
    await item.waitFor()
    expect(await item.getByText("Automatic", { exact: true }).isVisible(), "no Automatic badge")
    expect(await item.getByText(`E-mail domain is ${automatic.matchingDomain} (any address, not verified)`, { exact: true }).isVisible(), "the rule is not shown in words")
    expect(await item.getByText(/^Since /).isVisible(), "no since-date")
    expect((await memberships.getByText(manual.name, { exact: true }).count()) === 0, "the manual group is listed in the plugin's card")
    // The side column: right of Medusa's own Customer Groups card.
    const [own, side] = await Promise.all([widget(page, "Customer Groups").boundingBox(), memberships.boundingBox()])
    expect(own && side && side.x > own.x + own.width, `the card is not in the side column (${JSON.stringify({ own, side })})`)
    await screenshot("group-memberships", memberships)
    await item.getByRole("link", { name: automatic.name, exact: true }).click()
    await page.waitForURL(new RegExp(`/app/customer-groups/${automatic.id}$`))
    await rules.getByText(`E-mail domain is ${automatic.matchingDomain} (any address, not verified)`, { exact: true }).waitFor()
  })
}

/**
 * Settings → Customer accounts: the default groups (chosen, saved, joined by
 * the next new account) and the automatic groups with their rules and a
 * re-evaluation. Runs after `customerGroupsSpec`, which made the seeded rule
 * match the customer and ran it once.
 * @param {SpecContext} ctx
 */
export async function customerAccountsSettingsSpec({ runner, page, api, seed, screenshot }) {
  const defaults = widget(page, "Default groups")
  const automaticGroups = widget(page, "Automatic groups")
  const readSettings = async () => /** @type {CustomerAccountsSettings} */ ((await api.adminGet("/admin/customer-accounts/settings")).settings)
  const readRules = () => readRuleSet(api, seed().groups.automatic.id)

  await runner.check("settings: Settings → Customer accounts lists the automatic group with its rule, last run and the domain note", async () => {
    await openAdminPage(page, "/app/settings")
    await page.getByRole("link", { name: "Customer accounts", exact: true }).click()
    await page.waitForURL(/\/app\/settings\/customer-accounts$/)
    await page.getByRole("heading", { level: 1, name: "Customer accounts", exact: true }).waitFor()
    const { automatic } = seed().groups
    const item = groupItem(automaticGroups, automatic.name)
    await item.getByText(`E-mail domain is ${automatic.matchingDomain} (any address, not verified)`, { exact: true }).waitFor()
    await expectRunReported(item.getByText(/^Last run /), (await readRules()).last_run)
    expect(await automaticGroups.getByText(/^This rule trusts any address/).isVisible(), "no note on unverified e-mail domains")
  })

  await runner.check("settings: choosing a default group in the drawer saves it (page and API)", async () => {
    const { manual } = seed().groups
    // A fresh app has none; one that saw earlier runs keeps their choice.
    const before = (await readSettings()).default_group_ids
    if (before.length === 0) {
      expect(await defaults.getByText("No default groups: new accounts join no group.", { exact: true }).isVisible(), "no empty state")
    }
    await defaults.getByRole("button", { name: "Edit", exact: true }).click()
    const drawer = page.getByRole("dialog", { name: "Edit default groups" })
    const option = drawer.getByRole("checkbox", { name: manual.name, exact: true })
    expect((await option.getAttribute("aria-checked")) === "false", "the group is checked before it was chosen")
    await option.click()
    await drawer.getByText(`${before.length + 1} group${before.length ? "s" : ""} selected`, { exact: true }).waitFor()
    await drawer.getByRole("button", { name: "Save", exact: true }).click()
    await expectToast(page, "Default groups saved")
    await drawer.waitFor({ state: "hidden" })
    await defaults.getByRole("link", { name: manual.name, exact: true }).waitFor()
    const settings = await readSettings()
    expect(
      JSON.stringify([...settings.default_group_ids].sort()) === JSON.stringify([...before, manual.id].sort()),
      `API settings ${JSON.stringify(settings)}, before ${JSON.stringify(before)}`
    )
  })

  await runner.check("settings: Re-evaluate now runs the group's rules and reports the new run (page and API)", async () => {
    const { automatic } = seed().groups
    const before = (await readRules()).last_run
    const item = groupItem(automaticGroups, automatic.name)
    await item.getByRole("button", { name: "Re-evaluate now", exact: true }).click()
    await expectToast(page, /^Re-evaluation started/)
    const { last_run: run } = await eventually(readRules, (ruleSet) => !!ruleSet.last_run && ruleSet.last_run.at !== before?.at, {
      timeoutMs: 60_000,
      what: "a new run of the group's rules",
    })
    expect(run && before && Date.parse(run.at) > Date.parse(before.at), `API last run ${JSON.stringify({ before, run })}`)
    // The page polls until the background run reports back, then says so.
    await expectToast(page, /^Re-evaluation finished/)
    const lastRun = item.getByText(/^Last run just now: /)
    await lastRun.waitFor()
    await expectRunReported(lastRun, run)
    // Both cards: the page's content column holds them.
    await screenshot("customer-accounts-settings", defaults.locator(".."))
  })

  await runner.check("settings: a customer account created after the save joins the default group, shown as Default group on its page", async () => {
    const { manual } = seed().groups
    const email = `nora@newcomer-${seed().runId}.test`
    const { id } = await createCustomerAccount(api, seed().publishableKey, { email, firstName: "Nora", lastName: "Neu" })
    const fromApi = await eventually(
      () => readMemberships(api, id),
      (list) => list.some((membership) => membership.customer_group.id === manual.id),
      { what: "the new customer's memberships" }
    )
    const joined = fromApi.find((membership) => membership.customer_group.id === manual.id)
    expect(
      joined?.source === "default" && joined.rule_set === null && fromApi.every((membership) => membership.source === "default"),
      `API memberships ${JSON.stringify(fromApi)}`
    )
    await openAdminPage(page, `/app/customers/${id}`)
    const item = groupItem(widget(page, "Automatic memberships"), manual.name)
    await item.getByText("Default group", { exact: true }).waitFor()
    expect(await item.getByText(/^Since /).isVisible(), "no since-date")
  })
}
