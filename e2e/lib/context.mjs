// @ts-check
// What every spec gets: the page, the API client, the seed, the report, and
// where screenshots go.

import fs from "node:fs"
import path from "node:path"

/**
 * @typedef {import("playwright-core").Page} Page
 * @typedef {import("playwright-core").Locator} Locator
 * @typedef {import("./api.mjs").Api} Api
 * @typedef {import("./checks.mjs").CheckRunner} CheckRunner
 * @typedef {import("../seed.mjs").Seed} Seed
 * @typedef {{
 *   page: Page,
 *   api: Api,
 *   runner: CheckRunner,
 *   seed: () => Seed,
 *   admin: { email: string, password: string },
 *   screenshot: (name: string, target: Locator) => Promise<void>,
 * }} SpecContext
 */

/**
 * Element screenshot of a widget card into `dir/<name>.png`: no toasts, no
 * caret, no animations, mouse parked away so no hover state shows.
 * @param {string} dir
 * @returns {(name: string, target: Locator) => Promise<void>}
 */
export function screenshotter(dir) {
  fs.mkdirSync(dir, { recursive: true })
  return async (name, target) => {
    const file = path.join(dir, `${name}.png`)
    await target.page().mouse.move(0, 0)
    await target.evaluate(() => {
      const active = document.activeElement
      if (active instanceof HTMLElement) active.blur()
    })
    await target.screenshot({
      path: file,
      animations: "disabled",
      caret: "hide",
      style: "[data-sonner-toaster] { display: none !important; }",
    })
    if (!(fs.statSync(file).size > 1000)) throw new Error(`screenshot ${file} is empty`)
  }
}
