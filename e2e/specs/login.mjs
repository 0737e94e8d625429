// @ts-check
import { expect } from "../lib/checks.mjs"

/** @typedef {import("../lib/context.mjs").SpecContext} SpecContext */

/**
 * Signs in through the dashboard's login form; every later check needs it.
 * @param {SpecContext} ctx
 */
export async function loginSpec({ runner, page, admin }) {
  await runner.check(
    "admin: signs in at /app/login",
    async () => {
      await page.goto("/app/login")
      await page.locator("input[name=email]").fill(admin.email)
      await page.locator("input[name=password]").fill(admin.password)
      await page.getByRole("button", { name: "Continue with Email" }).click()
      await page.waitForURL(/\/app\/(orders|products)/, { timeout: 30_000 })
      const session = (await page.context().cookies()).find((cookie) => cookie.name === "connect.sid")
      expect(session, "no session cookie after signing in")
    },
    { critical: true }
  )
}
