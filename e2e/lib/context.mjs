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
 * Room above and below a card that is scrolled into view: the dashboard's
 * sticky top bar must not cover it.
 */
const SCREENSHOT_MARGIN_PX = 300

/**
 * Element screenshot of a widget card into `dir/<name>.png`: no toasts, no
 * caret, no animations, mouse parked away so no hover state shows. The
 * dashboard scrolls its main column, not the window, so a card taller than
 * the viewport would come out clipped: the viewport grows for it meanwhile.
 * @param {string} dir
 * @returns {(name: string, target: Locator) => Promise<void>}
 */
export function screenshotter(dir) {
  fs.mkdirSync(dir, { recursive: true })
  return async (name, target) => {
    const file = path.join(dir, `${name}.png`)
    const page = target.page()
    await page.mouse.move(0, 0)
    await target.evaluate(() => {
      const active = document.activeElement
      if (active instanceof HTMLElement) active.blur()
    })
    const viewport = page.viewportSize()
    const box = await target.boundingBox()
    const tall = !!viewport && !!box && box.height + SCREENSHOT_MARGIN_PX > viewport.height
    if (viewport && box && tall) {
      await page.setViewportSize({ width: viewport.width, height: Math.ceil(box.height) + SCREENSHOT_MARGIN_PX })
    }
    try {
      await target.screenshot({
        path: file,
        animations: "disabled",
        caret: "hide",
        style: "[data-sonner-toaster] { display: none !important; }",
      })
    } finally {
      if (viewport && tall) await page.setViewportSize(viewport)
    }
    if (!(fs.statSync(file).size > 1000)) throw new Error(`screenshot ${file} is empty`)
  }
}
