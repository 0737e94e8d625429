// @ts-check
// Debian's Chromium driven by playwright-core (`npx playwright install`
// cannot run here), in a fresh profile that is removed afterwards.

import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { chromium } from "playwright-core"

/** @typedef {import("playwright-core").BrowserContext} BrowserContext */
/** @typedef {import("playwright-core").Page} Page */
/** @typedef {import("playwright-core").Locator} Locator */

export const CHROMIUM_PATH = process.env.CAM_E2E_CHROMIUM || "/usr/bin/chromium"

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

/** Browsers still open, so an interrupted run can close them (see closeAllBrowsers). */
/** @type {Set<() => Promise<void>>} */
const openBrowsers = new Set()

/** Closes every browser launched here and removes its profile. */
export async function closeAllBrowsers() {
  await Promise.all([...openBrowsers].map((close) => close()))
}

/**
 * @param {{ baseUrl: string }} options
 * @returns {Promise<{ context: BrowserContext, page: Page, close: () => Promise<void> }>}
 */
export async function launchBrowser({ baseUrl }) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cam-e2e-chromium-"))
  // A launch that fails (no Chromium at CHROMIUM_PATH, say) leaves no profile behind.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
    timezoneId: "Europe/Berlin",
    // scripts/test-e2e.mjs handles signals: it closes the browser AND stops
    // the app and drops the database (Playwright's handlers would exit first).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // The app runs as in production, where Medusa's session cookie is
    // `Secure`: express-session only sets it for HTTPS requests, which it
    // recognises behind a TLS proxy by this header (Medusa trusts 1 proxy hop).
    extraHTTPHeaders: { "x-forwarded-proto": "https" },
  }).catch((error) => {
    fs.rmSync(userDataDir, { recursive: true, force: true })
    throw error
  })
  context.setDefaultTimeout(15_000)
  context.setDefaultNavigationTimeout(30_000)
  const close = async () => {
    openBrowsers.delete(close)
    // Bounded: after an interrupt the browser may already be gone.
    await Promise.race([context.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000))])
    fs.rmSync(userDataDir, { recursive: true, force: true })
  }
  openBrowsers.add(close)
  const page = context.pages()[0] ?? (await context.newPage())
  return { context, page, close }
}

/**
 * A card of the dashboard: the `Container` with this heading (our widgets
 * use `<h2>`, Medusa's own sections mostly `<h1>`). Strict: a second card
 * with the same title fails the lookup.
 * @param {Page} page
 * @param {string} title
 * @param {{ level?: number }} [options]
 * @returns {Locator}
 */
export function widget(page, title, { level = 2 } = {}) {
  return page
    .locator("div.shadow-elevation-card-rest")
    .filter({ has: page.getByRole("heading", { level, name: title, exact: true }) })
}

/**
 * The toast Medusa UI shows after an action (sonner), by its text.
 * @param {Page} page
 * @param {string | RegExp} text
 */
export async function expectToast(page, text) {
  await page.locator("[data-sonner-toast]").filter({ hasText: text }).first().waitFor({ state: "visible" })
}

/**
 * The confirmation dialog of `usePrompt`, answered with its confirm button.
 * @param {Page} page
 * @param {string} confirmText
 */
export async function confirmPrompt(page, confirmText) {
  const dialog = page.getByRole("alertdialog")
  await dialog.waitFor({ state: "visible" })
  await dialog.getByRole("button", { name: confirmText, exact: true }).click()
  await dialog.waitFor({ state: "hidden" })
}

/**
 * Opens a page of the dashboard and waits until its data calls settled.
 * @param {Page} page
 * @param {string} path
 */
export async function openAdminPage(page, path) {
  await page.goto(path)
  await page.waitForLoadState("networkidle")
}

/**
 * The value cell of a label/value row of a card (`SectionRow`).
 * @param {Locator} card
 * @param {string} label
 */
export function rowValue(card, label) {
  return card
    .locator("div.grid")
    .filter({ has: card.page().getByText(label, { exact: true }) })
    .locator(":scope > div")
}
