// @ts-check
// The browser checks of the plugin's admin widgets, against a running app.
// `scripts/test-e2e.mjs` boots the app and calls `runSuite`.

import fs from "node:fs"
import path from "node:path"
import { Api } from "./lib/api.mjs"
import { launchBrowser } from "./lib/browser.mjs"
import { CheckRunner, expect } from "./lib/checks.mjs"
import { screenshotter } from "./lib/context.mjs"
import { seed as seedApp } from "./seed.mjs"
import { accountActivitySpec } from "./specs/account-activity.mjs"
import { accountSecuritySpec } from "./specs/account-security.mjs"
import { accountSecurityMfaSpec } from "./specs/account-security-mfa.mjs"
import { assistanceSpec } from "./specs/assistance.mjs"
import { customerAccountsSettingsSpec, customerGroupsSpec } from "./specs/customer-groups.mjs"
import { customerNotesSpec } from "./specs/customer-notes.mjs"
import { customerPrivacySpec } from "./specs/customer-privacy.mjs"
import { i18nSpec } from "./specs/i18n.mjs"
import { loginSpec } from "./specs/login.mjs"
import { preferencesSpec } from "./specs/preferences.mjs"
import { securitySettingsSpec } from "./specs/security-settings.mjs"
import { staffPermissionsSpec } from "./specs/staff-permissions.mjs"
import { userSecuritySpec } from "./specs/user-security.mjs"

/**
 * One screenshot per widget (named by the widget's id without the plugin
 * prefix) and per settings page (named by its route).
 */
export const WIDGET_SCREENSHOTS = [
  "customer-notes",
  "account-security",
  "login-attempts",
  "account-activity",
  "preferences",
  "customer-privacy",
  "assistance",
  "group-memberships",
  "group-rules",
  "user-security",
  "customer-accounts-settings",
  "security-settings",
]

/**
 * @param {{
 *   baseUrl: string,
 *   admin: { email: string, password: string },
 *   artifactsDir: string,
 *   freshDatabase: boolean,
 *   runner?: CheckRunner,
 * }} options
 * @returns {Promise<CheckRunner>}
 */
export async function runSuite({ baseUrl, admin, artifactsDir, freshDatabase, runner = new CheckRunner() }) {
  const api = new Api(baseUrl)
  /** @type {import("./seed.mjs").Seed | undefined} */
  let seeded
  const seed = () => {
    if (!seeded) throw new Error("not seeded")
    return seeded
  }

  await runner.check(
    "seed: admin token, customer account, addresses, notes, preferences, groups, rule, a blocked IP, a lockout, a locked colleague and a customer with an authenticator app via the HTTP API",
    async () => {
      await api.loginAdmin(admin.email, admin.password)
      seeded = await seedApp(api, { freshDatabase })
    },
    { critical: true }
  )

  /** @type {Awaited<ReturnType<typeof launchBrowser>> | undefined} */
  let browser
  await runner.check(
    "browser: Debian Chromium starts headless in a fresh profile",
    async () => {
      browser = await launchBrowser({ baseUrl })
      expect(browser.context.pages().length > 0, "no page")
    },
    { critical: true }
  )

  try {
    if (browser) {
      const page = browser.page
      // Failed requests and page errors explain a failing check: keep them.
      const pageLog = fs.createWriteStream(path.join(artifactsDir, "browser.log"))
      page.on("pageerror", (error) => pageLog.write(`[pageerror] ${error.message}\n`))
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning") pageLog.write(`[console.${message.type()}] ${message.text()}\n`)
      })
      page.on("response", (response) => {
        if (response.status() >= 400) pageLog.write(`[http ${response.status()}] ${response.request().method()} ${response.url()}\n`)
      })

      /** @type {import("./lib/context.mjs").SpecContext} */
      const ctx = { page, api, runner, seed, admin, screenshot: screenshotter(artifactsDir) }
      await loginSpec(ctx)
      await customerNotesSpec(ctx)
      await accountSecuritySpec(ctx)
      await accountSecurityMfaSpec(ctx)
      await preferencesSpec(ctx)
      await customerGroupsSpec(ctx)
      await customerAccountsSettingsSpec(ctx)
      await securitySettingsSpec(ctx)
      await userSecuritySpec(ctx)
      await accountActivitySpec(ctx)
      await staffPermissionsSpec(ctx)
      await assistanceSpec(ctx)
      await customerPrivacySpec(ctx)
      await i18nSpec(ctx)
      pageLog.end()
    }
  } finally {
    await browser?.close()
  }

  await runner.check("screenshots: one PNG per widget and settings page in the artifacts folder", async () => {
    const missing = WIDGET_SCREENSHOTS.filter((name) => !fs.existsSync(path.join(artifactsDir, `${name}.png`)))
    expect(missing.length === 0, `missing: ${missing.join(", ")}`)
  })

  return runner
}
