import fc from "fast-check"
import { expressPattern, PASSWORD_UPDATE_ROUTE, RESET_REQUEST_ROUTE } from "../middlewares"

type ExpressLayer = { regexp: RegExp; match(path: string): boolean; params: Record<string, string> }
// Express is Medusa's HTTP server; its (untyped) Layer compiles route paths.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Layer: new (path: string, options: object, handler: () => void) => ExpressLayer = require("express/lib/router/layer")

const expressLayer = (path: string) =>
  new Layer(path, { sensitive: false, strict: false, end: true }, () => undefined)

describe("expressPattern", () => {
  it.each([
    ["/auth/:actor_type/:auth_provider/update", PASSWORD_UPDATE_ROUTE],
    ["/auth/:actor_type/:auth_provider/reset-password", RESET_REQUEST_ROUTE],
    ["/auth/:actor_type/:auth_provider", expressPattern("/auth/:actor_type/:auth_provider")],
    ["/auth/:auth_provider/user", expressPattern("/auth/:auth_provider/user")],
  ])("compiles %s as Express does", (path, pattern) => {
    const { regexp } = expressLayer(path)
    expect(pattern.source).toEqual(regexp.source)
    expect(pattern.flags).toEqual(regexp.flags)
  })
})

describe("PASSWORD_UPDATE_ROUTE", () => {
  const medusaRoute = "/auth/:actor_type/:auth_provider/update"

  it("matches exactly the paths Express routes to it, and yields the same decoded params", () => {
    const segment = fc.stringMatching(/^[a-zA-Z0-9%._~-]{1,12}$/)
    const path = fc.oneof(
      fc.tuple(segment, segment, fc.constantFrom("update", "UPDATE", "Update"), fc.constantFrom("", "/")).map(
        ([actor, provider, tail, slash]) => `/auth/${actor}/${provider}/${tail}${slash}`
      ),
      fc.string({ maxLength: 40 }).map((tail) => `/auth/${tail}`)
    )
    fc.assert(
      fc.property(path, (candidate) => {
        const layer = expressLayer(medusaRoute)
        let expressMatch = false
        try {
          expressMatch = layer.match(candidate)
        } catch {
          // Express refuses malformed percent-encoding (a 400); so does a RegExp route.
          return
        }
        const ours = PASSWORD_UPDATE_ROUTE.exec(candidate)
        expect(!!ours).toEqual(expressMatch)
        if (ours) {
          expect([decodeURIComponent(ours[1]), decodeURIComponent(ours[2])]).toEqual([
            layer.params.actor_type,
            layer.params.auth_provider,
          ])
        }
      }),
      { numRuns: 2000 }
    )
  })
})
