import fs from "node:fs"
import path from "node:path"
import { CAPABILITIES } from "../../lib/permissions/capabilities"
import { ADMIN_ROUTE_CAPABILITIES, adminCapabilityMiddlewares } from "../admin/route-capabilities"

const ADMIN = path.resolve(__dirname, "../admin")

/** Every `route.ts` under src/api/admin and the methods it exports, as Medusa matchers. */
function adminRoutes(dir = ADMIN): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return entry.name === "__tests__" ? [] : adminRoutes(full)
    }
    if (entry.name !== "route.ts") {
      return []
    }
    const matcher =
      "/admin/" +
      path
        .relative(ADMIN, dir)
        .split(path.sep)
        .map((segment) => segment.replace(/^\[(\w+)\]$/, ":$1"))
        .join("/")
    const methods = [...fs.readFileSync(full, "utf8").matchAll(/^export const (GET|POST|DELETE|PUT|PATCH)\b/gm)].map(
      ([, method]) => method
    )
    return methods.map((method) => `${method} ${matcher}`)
  })
}

describe("staff permissions: the route table", () => {
  const table = ADMIN_ROUTE_CAPABILITIES.map(({ method, matcher }) => `${method} ${matcher}`)

  it("lists every admin route and method of the plugin, and nothing else", () => {
    const routes = adminRoutes()
    expect(routes.length).toBeGreaterThan(30)
    expect(routes.filter((route) => !table.includes(route)).sort()).toEqual([])
    expect(table.filter((route) => !routes.includes(route)).sort()).toEqual([])
    expect(new Set(table).size).toEqual(table.length)
  })

  it("needs a capability for every write but the customer's own preferences", () => {
    const openWrites = ADMIN_ROUTE_CAPABILITIES.filter(({ method, capability }) => method !== "GET" && !capability).map(
      ({ method, matcher }) => `${method} ${matcher}`
    )
    expect(openWrites).toEqual(["POST /admin/customers/:id/preferences"])
  })

  it("gives every capability a route, and one check per guarded route", () => {
    const used = new Set(ADMIN_ROUTE_CAPABILITIES.map(({ capability }) => capability).filter(Boolean))
    expect(CAPABILITIES.filter((capability) => !used.has(capability))).toEqual([])
    expect(adminCapabilityMiddlewares).toHaveLength(ADMIN_ROUTE_CAPABILITIES.filter(({ capability }) => capability).length)
  })
})
