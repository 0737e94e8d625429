import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, parseCorsOrigins } from "@medusajs/framework/utils"
import { authModuleOptions } from "../../lib/identity/auth-module-options"
import { refuseHostileBodies } from "../utils/request-guards"

/*
 * Bodies of Medusa's own `/auth` routes that its handlers answer with a 500
 * (and a stack trace in the log), answered 400 first (issue 22, finding 8):
 * - a value with a `toString`/`valueOf` key or nested too deep: Medusa's
 *   validator converts a bad value to text for its message, which throws;
 * - an unknown verification provider (`code_provider`) or MFA method
 *   (`method`, `provider`): the auth module's provider lookup throws a
 *   plain Error, and logs it.
 */

/** The providers Medusa's auth module always registers (`@medusajs/auth` loaders/providers). */
const BUILT_IN = { verification: ["token"], mfa: ["totp", "recovery_code"] } as const

/**
 * The ids of the providers of one kind the app registers: the built-in ones
 * and the configured ones. Null when a configured provider names no `id`
 * (its id is its class's identifier, which only the module knows): then no
 * id can be refused here.
 */
export function knownProviders(req: MedusaRequest, kind: "verification" | "mfa"): Set<string> | null {
  const options = authModuleOptions(req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).modules)
  const configured = options[kind]?.providers ?? []
  if (configured.some((provider) => typeof provider?.id !== "string")) {
    return null
  }
  return new Set<string>([...BUILT_IN[kind], ...configured.map((provider) => provider.id as string)])
}

/** A 400 for a body field naming a provider the app does not have (before the auth module throws). */
function refuseUnknownProvider(kind: "verification" | "mfa", field: string) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const value = (req.body as Record<string, unknown> | undefined)?.[field]
    if (typeof value === "string" && value) {
      const known = knownProviders(req, kind)
      if (known && !known.has(value)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${field}: unknown ${kind === "mfa" ? "MFA method" : "verification provider"}; one of ${[...known].join(", ")}`
        )
      }
    }
    next()
  }
}

/** Every path under `/auth`, as Express matches Medusa's (case-insensitive, optional trailing slash). */
const AUTH_ROUTES = /^\/auth(?:\/.*)?$/i

export const coreAuthRouteGuards: MiddlewareRoute[] = [
  // RegExp matchers run before Medusa's own middlewares on the same route.
  { method: ["POST", "DELETE"], matcher: AUTH_ROUTES, middlewares: [refuseHostileBodies] },
  {
    method: ["POST"],
    matcher: /^\/auth\/verification\/(?:request|confirm)\/?$/i,
    middlewares: [refuseUnknownProvider("verification", "code_provider")],
  },
  {
    method: ["POST"],
    matcher: /^\/auth\/mfa\/challenges\/[^/]+\/verify\/?$/i,
    middlewares: [refuseUnknownProvider("mfa", "method")],
  },
  { method: ["POST"], matcher: /^\/auth\/mfa\/factors\/?$/i, middlewares: [refuseUnknownProvider("mfa", "provider")] },
  { method: ["DELETE"], matcher: /^\/auth\/mfa\/factors\/[^/]+\/?$/i, middlewares: [refuseUnknownProvider("mfa", "method")] },
]

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"])

/** The CORS setting of the namespace a path is in (`projectConfig.http`). */
function corsOf(path: string, http: Record<string, unknown>): string {
  const namespace = path.toLowerCase().split("/")[1]
  const key = namespace === "admin" ? "adminCors" : namespace === "store" ? "storeCors" : namespace === "auth" ? "authCors" : null
  return key && typeof http[key] === "string" ? (http[key] as string) : ""
}

/** The host (and port) of a URL or origin; null when it is none. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host
  } catch {
    return null
  }
}

/** The origin a browser says a request comes from: `Origin`, else the origin of `Referer`. */
function requestOrigin(req: MedusaRequest): string | null {
  const origin = req.get("origin")
  if (origin && origin !== "null") {
    return origin
  }
  const referer = req.get("referer")
  if (!referer) {
    return null
  }
  try {
    return new URL(referer).origin
  } catch {
    return null
  }
}

/**
 * Cross-site request forgery with a cookie session: a page on another site
 * can make a browser POST a form with the shop's session cookie (where the
 * cookie's `SameSite` lets it, e.g. a sibling subdomain, or `sameSite:
 * "none"`). A state-changing request (not GET/HEAD/OPTIONS) under `/admin`,
 * `/store` or `/auth` that authenticates with a cookie session is refused
 * (403) when its `Origin` (or `Referer`) is neither the server's own nor
 * one the namespace's CORS setting allows. A request with neither header is
 * no browser's cross-site request and goes on. Bearer tokens are not sent
 * by browsers on their own, so they are not affected.
 */
export function refuseCrossSiteCookieWrites(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const session = (req as unknown as { session?: { auth_context?: { auth_identity_id?: string } } }).session
  if (SAFE_METHODS.has(req.method) || !session?.auth_context?.auth_identity_id) {
    return next()
  }
  const path = `${req.baseUrl ?? ""}${req.path}`
  if (!/^\/(admin|store|auth)(\/|$)/i.test(path)) {
    return next()
  }
  const origin = requestOrigin(req)
  if (!origin) {
    // Neither header: not a browser's cross-site request (every current
    // browser sends Origin with a cross-origin POST, forms included), but a
    // server-side client holding the cookie.
    return next()
  }
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const allowed =
    // The server's own pages (the admin under /app): the same host, whatever
    // scheme a TLS proxy in front of the server makes `req.protocol` say.
    hostOf(origin) === req.get("host") ||
    parseCorsOrigins(corsOf(path, http as unknown as Record<string, unknown>)).some((entry) =>
      entry instanceof RegExp ? entry.test(origin) : entry.replace(/\/+$/, "") === origin
    )
  if (!allowed) {
    res.status(403).json({
      type: "not_allowed",
      message: "A request signed in with a session cookie must come from an origin this shop allows (Origin / Referer).",
    })
    return
  }
  next()
}
