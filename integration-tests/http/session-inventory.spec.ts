import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createAdmin, createPublishableKey, registerCustomer, send, type TestAdmin, type TestCustomer } from "./helpers/auth"
import { fillRoute, registeredRoutes, type RegisteredRoute } from "./helpers/auth-routes"

jest.setTimeout(600 * 1000)

/**
 * A revoked session is no session, on every route: each route Medusa and the
 * plugin register under /admin, /store and /auth (read from the app, not
 * listed by hand) answers a request with a revoked bearer token or a revoked
 * cookie session exactly as it answers one without credentials: 401 where
 * a customer or a user is needed, a guest's answer where a guest is served.
 * The session gate runs where Medusa verifies the token, not per route.
 */

const PASSWORD = "a long and unusual passphrase 42"
const ADMIN_PASSWORD = "admin-password-1"
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5))

/** Path parameters that name nothing (each route then answers as it answers an unknown id). */
const PARAMS = { id: "x_unknown", actor_type: "customer", auth_provider: "emailpass" }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let pk: Record<string, string>
    let admin: TestAdmin
    let jane: TestCustomer
    let routes: RegisteredRoute[]

    beforeEach(async () => {
      container = getContainer()
      pk = await createPublishableKey(container)
      admin = await createAdmin(api, container, { password: ADMIN_PASSWORD })
      jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
      // The methods routes answer (Express also lists `all` handlers under every verb it knows).
      routes ??= (await registeredRoutes(container, /^\/(admin|store|auth)(\/|$)/)).filter((route) =>
        ["GET", "POST", "PUT", "PATCH", "DELETE"].includes(route.method)
      )
    })

    /** A cookie session made from a bearer token (`POST /auth/session`). */
    const cookieOf = async (token: string) => {
      const answer = await send(api.post("/auth/session", {}, { headers: { authorization: `Bearer ${token}` } }))
      expect(answer.status).toEqual(200)
      return String(answer.headers["set-cookie"]?.[0] ?? "").split(";")[0]
    }

    /** The answer's status, or how the connection ended without one (compared like a status). */
    const call = async (route: RegisteredRoute, headers: Record<string, string>): Promise<{ status: number | string }> => {
      try {
        return await send(
          api.request({
            method: route.method as "GET",
            url: fillRoute(route.path, PARAMS),
            headers: { ...pk, ...headers },
            data: route.method === "GET" ? undefined : {},
            timeout: 10_000,
          })
        )
      } catch (error) {
        return { status: `no answer (${(error as { code?: string }).code ?? "error"})` }
      }
    }

    it("answers every route with a revoked session exactly as without one (401 where an actor is needed)", async () => {
      expect(routes.length).toBeGreaterThan(300)
      expect(routes).toEqual(
        expect.arrayContaining([
          { method: "GET", path: "/admin/users/me" },
          { method: "GET", path: "/store/customers/me" },
          { method: "POST", path: "/auth/token/refresh" },
          { method: "GET", path: "/store/customers/me/sessions" },
          { method: "POST", path: "/admin/customers/:id/sessions/revoke" },
        ])
      )
      // Sessions that work, then end: a bearer token and a cookie session of each actor.
      await nextSecond()
      const customerCookie = await cookieOf(jane.token)
      const adminCookie = await cookieOf(admin.token)
      expect((await send(api.get("/store/customers/me", { headers: { ...pk, authorization: `Bearer ${jane.token}` } }))).status).toEqual(200)
      expect((await send(api.get("/store/customers/me", { headers: { ...pk, cookie: customerCookie } }))).status).toEqual(200)
      expect((await send(api.get("/admin/users/me", { headers: { cookie: adminCookie } }))).status).toEqual(200)
      expect((await send(api.delete("/store/customers/me/sessions", { headers: { ...pk, authorization: `Bearer ${jane.token}` } }))).status).toEqual(200)
      const colleague = await createAdmin(api, container, { email: "colleague@example.com", password: ADMIN_PASSWORD })
      expect((await send(api.post(`/admin/users/${admin.user.id}/sessions/revoke`, {}, { headers: colleague.headers }))).status).toEqual(200)

      const differences: string[] = []
      const needsActor: string[] = []
      const noAnswer: string[] = []
      for (const route of routes) {
        const admin_ = route.path.startsWith("/admin")
        const revoked = admin_
          ? { bearer: { authorization: `Bearer ${admin.token}` }, cookie: { cookie: adminCookie } }
          : { bearer: { authorization: `Bearer ${jane.token}` }, cookie: { cookie: customerCookie } }
        const none = await call(route, {})
        for (const [kind, headers] of Object.entries(revoked)) {
          const answer = await call(route, headers)
          if (answer.status !== none.status) {
            differences.push(`${route.method} ${route.path} (${kind}): ${answer.status}, without credentials ${none.status}`)
          }
        }
        if (typeof none.status === "string") {
          noAnswer.push(`${route.method} ${route.path}: ${none.status}`)
        }
        if (none.status === 401) {
          needsActor.push(`${route.method} ${route.path}`)
        }
      }
      expect(differences).toEqual([])
      // Where an actor is needed the answer is 401: every admin route but the few
      // Medusa serves without a user, and the customer's own routes.
      const open = routes
        .filter((route) => route.path.startsWith("/admin") && !needsActor.includes(`${route.method} ${route.path}`))
        .map((route) => `${route.method} ${route.path}`)
      expect(noAnswer).toEqual([])
      // Medusa serves one admin route without a user (the dashboard reads it before login).
      expect(open).toEqual(["GET /admin/feature-flags"])
      for (const own of routes.filter((route) => route.path.startsWith("/store/customers/me"))) {
        expect(needsActor).toContain(`${own.method} ${own.path}`)
      }
      expect(needsActor).toEqual(expect.arrayContaining(["POST /auth/token/refresh", "GET /admin/users/me"]))
    })
  },
})
