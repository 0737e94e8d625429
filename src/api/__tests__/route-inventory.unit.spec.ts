import fs from "node:fs"
import path from "node:path"

/**
 * Keeps two promises of the API honest as routes are added: every plugin
 * route is in the fuzz suite, and every route validates through the guarded
 * `validateBody` / `validateQuery` (Medusa's validators alone answer some
 * crafted input with a 500).
 */
const API_DIR = path.join(__dirname, "..")
const FUZZ_SPEC = path.join(__dirname, "../../../integration-tests/http/fuzz.spec.ts")
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return entry.name === "__tests__" ? [] : filesUnder(full)
    }
    return entry.name.endsWith(".ts") ? [full] : []
  })
}

/** "METHOD /path/:param" for each handler a route.ts file exports. */
function pluginRoutes(): string[] {
  return filesUnder(API_DIR)
    .filter((file) => path.basename(file) === "route.ts")
    .flatMap((file) => {
      const urlPath =
        "/" +
        path
          .relative(API_DIR, path.dirname(file))
          .split(path.sep)
          .map((segment) => segment.replace(/^\[(\w+)\]$/, ":$1"))
          .join("/")
      const source = fs.readFileSync(file, "utf8")
      return METHODS.filter((method) =>
        new RegExp(`^export (const ${method}\\b|async function ${method}\\b)`, "m").test(source)
      ).map((method) => `${method} ${urlPath}`)
    })
    .sort()
}

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
    const direct = filesUnder(API_DIR)
      .filter((file) => path.basename(file) !== "request-guards.ts")
      .filter((file) =>
        /\bvalidateAndTransform(Body|Query)\s*\(/.test(fs.readFileSync(file, "utf8"))
      )
      .map((file) => path.relative(API_DIR, file))
    expect(direct).toEqual([])
  })
})
