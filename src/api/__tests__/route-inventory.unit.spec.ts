import fs from "node:fs"
import path from "node:path"
import { apiFilesUnder, pluginRoutes } from "../../__tests__/plugin-routes"

/**
 * Keeps two promises of the API honest as routes are added: every plugin
 * route is in the fuzz suite, and every route validates through the guarded
 * `validateBody` / `validateQuery` (Medusa's validators alone answer some
 * crafted input with a 500).
 */
const API_DIR = path.join(__dirname, "..")
const FUZZ_SPEC = path.join(__dirname, "../../../integration-tests/http/fuzz.spec.ts")

describe("plugin routes", () => {
  it("finds the route files (the scan itself works)", () => {
    const routes = pluginRoutes()
    expect(routes).toEqual(
      expect.arrayContaining([
        "GET /admin/customers/:id/notes",
        "DELETE /admin/customers/:id/notes/:note_id",
        "POST /store/password-strength",
      ])
    )
    expect(routes.length).toBeGreaterThanOrEqual(20)
  })

  it("are all fuzzed by integration-tests/http/fuzz.spec.ts", () => {
    const fuzzSource = fs.readFileSync(FUZZ_SPEC, "utf8")
    const fuzzed = new Set(
      [...fuzzSource.matchAll(/name: "([A-Z]+ \/[^\s"]+)/g)].map((match) => match[1])
    )
    expect(pluginRoutes().filter((route) => !fuzzed.has(route))).toEqual([])
  })

  it("validate bodies and queries only through the guarded wrappers", () => {
    const direct = apiFilesUnder(API_DIR)
      .filter((file) => path.basename(file) !== "request-guards.ts")
      .filter((file) =>
        /\bvalidateAndTransform(Body|Query)\s*\(/.test(fs.readFileSync(file, "utf8"))
      )
      .map((file) => path.relative(API_DIR, file))
    expect(direct).toEqual([])
  })
})
