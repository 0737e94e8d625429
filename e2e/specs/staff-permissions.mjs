// @ts-check
import { launchBrowser, openAdminPage, widget } from "../lib/browser.mjs"
import { expect } from "../lib/checks.mjs"

/** @typedef {import("../lib/context.mjs").SpecContext} SpecContext */

/** The role presets (src/admin/lib/staff-permissions.ts). */
const SUPPORT_AGENT = ["notes.write", "security.unlock", "security.reset_link", "security.verify_email"]
const PRIVACY_OFFICER = ["privacy.export", "privacy.anonymize"]
const AGENT_PASSWORD = "quiet harbour lantern drifting 23"

/**
 * Staff permissions in Chromium. The e2e app runs with
 * `staffPermissions.mode: "enforced"` and the suite's admin as owner: a
 * Support agent (invited, signed up, granted the preset by the owner) sees
 * the reset-link button enabled but Set password, Export and Anonymize
 * disabled, each saying which permission it needs; once the owner also
 * grants Privacy officer, Export and Anonymize work after a reload. The
 * settings page lists the agent under the preset's name.
 * @param {SpecContext} ctx
 */
export async function staffPermissionsSpec({ runner, page, api, seed }) {
  /** @type {{ id: string, email: string } | undefined} */
  let agent
  const grant = (/** @type {string[]} */ capabilities) =>
    api.adminPost(`/admin/customer-accounts/permissions/${agent?.id}`, { capabilities })

  await runner.check("staff permissions: the owner grants an invited colleague the Support agent preset", async () => {
    const email = `agent-${Date.now()}@example.com`
    const { invite } = await api.adminPost("/admin/invites", { email })
    const { token } = await api.expectOk("POST", "/auth/user/emailpass/register", { email, password: AGENT_PASSWORD })
    const { user } = await api.expectOk(
      "POST",
      `/admin/invites/accept?token=${encodeURIComponent(invite.token)}`,
      { first_name: "Sam", last_name: "Support" },
      { authorization: `Bearer ${token}` }
    )
    agent = { id: user.id, email }
    const { user: granted } = await grant(SUPPORT_AGENT)
    expect(JSON.stringify([...granted.capabilities].sort()) === JSON.stringify([...SUPPORT_AGENT].sort()), `granted ${granted.capabilities}`)

    await openAdminPage(page, "/app/settings/customer-accounts")
    const card = widget(page, "Staff permissions")
    const row = card.locator("li", { hasText: email })
    await row.getByText("Support agent", { exact: true }).waitFor()
    await card.locator("li", { hasText: "Owner: every permission" }).first().waitFor()
  })

  await runner.check("staff permissions: a Support agent may send a reset link, not set a password, export or anonymize; Privacy officer adds the last two", async () => {
    if (!agent) throw new Error("no agent")
    const browser = await launchBrowser({ baseUrl: new URL(page.url()).origin })
    try {
      const agentPage = browser.page
      await agentPage.goto("/app/login")
      await agentPage.locator("input[name=email]").fill(agent.email)
      await agentPage.locator("input[name=password]").fill(AGENT_PASSWORD)
      await agentPage.getByRole("button", { name: "Continue with Email" }).click()
      await agentPage.waitForURL(/\/app\/(orders|products)/, { timeout: 30_000 })

      const customerPage = `/app/customers/${seed().customer.id}`
      await openAdminPage(agentPage, customerPage)
      const security = widget(agentPage, "Account security")
      const privacy = widget(agentPage, "Personal data (GDPR)")
      const button = (/** @type {import("playwright-core").Locator} */ card, /** @type {string} */ name) =>
        card.getByRole("button", { name, exact: true })
      await button(security, "Send password reset link").waitFor()
      expect(await button(security, "Send password reset link").isEnabled(), "the reset link is disabled for a Support agent")
      expect(await button(security, "Set password").isDisabled(), "Set password is enabled for a Support agent")
      expect(
        (await security.locator('[data-missing-permission="security.set_password"]').count()) === 1,
        "Set password does not say which permission it needs"
      )
      expect(await button(privacy, "Export data").isDisabled(), "Export is enabled for a Support agent")
      expect(await button(privacy, "Anonymize").isDisabled(), "Anonymize is enabled for a Support agent")

      await grant([...SUPPORT_AGENT, ...PRIVACY_OFFICER])
      await openAdminPage(agentPage, customerPage)
      await button(privacy, "Anonymize").waitFor()
      expect(await button(privacy, "Export data").isEnabled(), "Export stays disabled after Privacy officer was granted")
      expect(await button(privacy, "Anonymize").isEnabled(), "Anonymize stays disabled after Privacy officer was granted")
      expect(await button(security, "Set password").isDisabled(), "Set password came with Privacy officer")
    } finally {
      await browser.close()
    }
  })
}
