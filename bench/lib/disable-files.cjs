/**
 * Preloaded into a bench server (`NODE_OPTIONS=--require …/disable-files.cjs`):
 * disables the auto-loaded files listed in CAM_BENCH_DISABLED_FILES
 * (comma-separated, relative to the app's directory) through Medusa's own
 * switch for that, `defineFileConfig({ isDisabled })`. Medusa's loaders
 * then skip them as they skip a file behind a disabled feature flag: a
 * disabled subscriber is not registered at all.
 */
const path = require("node:path")

const files = (process.env.CAM_BENCH_DISABLED_FILES || "").split(",").map((file) => file.trim()).filter(Boolean)
if (files.length) {
  const { defineFileConfig } = require(require.resolve("@medusajs/utils", { paths: [process.cwd()] }))
  for (const file of files) {
    defineFileConfig({ path: path.resolve(process.cwd(), file), isDisabled: () => true })
  }
}
