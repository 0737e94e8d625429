// @ts-check
import { expectToast, openAdminPage, widget } from "../lib/browser.mjs"
import { eventually, expect } from "../lib/checks.mjs"

/**
 * @typedef {import("../lib/context.mjs").SpecContext} SpecContext
 * @typedef {import("../../src/types/customer-group-rule").CustomerGroupRuleSet} CustomerGroupRuleSet
 * @typedef {import("../../src/types/customer-group-rule").AdminCustomerGroupMembership} AdminCustomerGroupMembership
 */

/**
 * Groups widget (customer page) and Automatic membership widget (group page):
 * the manual membership, a rule edit, a re-evaluation, the automatic membership.
 * @param {SpecContext} ctx
 */
export async function customerGroupsSpec({ runner, page, api, seed, screenshot }) {
  const memberships = widget(page, "Groups")
  const rules = widget(page, "Automatic membership")
  const customerId = () => seed().customer.id
  const readMemberships = async () =>
    /** @type {AdminCustomerGroupMembership[]} */ ((await api.adminGet(`/admin/customers/${customerId()}/group-memberships`)).memberships)
  const readRuleSet = async () =>
    /** @type {CustomerGroupRuleSet} */ ((await api.adminGet(`/admin/customer-groups/${seed().groups.automatic.id}/rules`)).rule_set)
  /** @param {string} name */
  const membershipRow = (name) => memberships.locator("li").filter({ has: page.getByRole("link", { name, exact: true }) })

  await runner.check("group memberships: lists the manual group with a Manual badge, not the automatic one", async () => {
    await openAdminPage(page, `/app/customers/${customerId()}`)
    const { manual, automatic } = seed().groups
    await membershipRow(manual.name).waitFor()
    expect(await membershipRow(manual.name).getByText("Manual", { exact: true }).isVisible(), "no Manual badge")
    expect((await membershipRow(automatic.name).count()) === 0, "the automatic group is listed before any evaluation")
    const fromApi = await readMemberships()
    expect(
      fromApi.length === 1 && fromApi[0].customer_group.id === manual.id && fromApi[0].source === "manual",
      `API memberships ${JSON.stringify(fromApi)}`
    )
  })

  await runner.check("group rules: shows the seeded rule, Automatic badge and Never run", async () => {
    await openAdminPage(page, `/app/customer-groups/${seed().groups.automatic.id}`)
    await rules.getByText(`E-mail domain is ${seed().groups.automatic.otherDomain}`, { exact: true }).waitFor()
    expect(await rules.getByText("Automatic", { exact: true }).isVisible(), "no Automatic badge")
    expect(await rules.getByText("Never run", { exact: true }).isVisible(), "a run is reported before any")
    const ruleSet = await readRuleSet()
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
    await rules.getByText(`E-mail domain is ${matchingDomain}`, { exact: true }).waitFor()
    const ruleSet = await readRuleSet()
    expect(
      ruleSet.match === "all" && ruleSet.rules.length === 1 && JSON.stringify(ruleSet.rules[0]) === JSON.stringify({ type: "email_domain", domains: [matchingDomain] }),
      `API rules ${JSON.stringify(ruleSet.rules)}`
    )
  })

  await runner.check("group rules: Re-evaluate now runs the rules and reports the run (page and API)", async () => {
    await rules.getByRole("button", { name: "Re-evaluate now", exact: true }).click()
    await expectToast(page, /^Re-evaluation started/)
    // The widget polls until the background run reports back.
    const lastRun = rules.getByText(/^Last run just now: /)
    await lastRun.waitFor({ timeout: 60_000 })
    await expectToast(page, /^Re-evaluation finished/)
    const run = (await readRuleSet()).last_run
    expect(run && run.added >= 1 && run.evaluated >= 1, `API last run ${JSON.stringify(run)}`)
    const text = await lastRun.innerText()
    const expected = `${run.evaluated} customer${run.evaluated === 1 ? "" : "s"} checked, ${run.added} added, ${run.removed} removed`
    expect(text.endsWith(expected), `page "${text}", API ${JSON.stringify(run)}`)
    const fromApi = await eventually(readMemberships, (list) => list.length === 2, { what: "memberships after the run" })
    const automatic = fromApi.find((membership) => membership.customer_group.id === seed().groups.automatic.id)
    expect(automatic?.source === "automatic", `API memberships ${JSON.stringify(fromApi)}`)
    await screenshot("group-rules", rules)
  })

  await runner.check("group memberships: shows the rule-made membership as Automatic and links to the group", async () => {
    await openAdminPage(page, `/app/customers/${customerId()}`)
    const { manual, automatic } = seed().groups
    const row = membershipRow(automatic.name)
    await row.waitFor()
    expect(await row.getByText("Automatic", { exact: true }).isVisible(), "no Automatic badge")
    expect(await membershipRow(manual.name).getByText("Manual", { exact: true }).isVisible(), "the manual membership lost its badge")
    await screenshot("group-memberships", memberships)
    await row.getByRole("link", { name: automatic.name, exact: true }).click()
    await page.waitForURL(new RegExp(`/app/customer-groups/${automatic.id}$`))
    await rules.getByText(`E-mail domain is ${automatic.matchingDomain}`, { exact: true }).waitFor()
  })
}
