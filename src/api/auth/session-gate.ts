import {
  getAuthContextFromJwtToken,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { randomUUID } from "node:crypto"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { errorReason } from "../../lib/error-reason"
import { AccountSessionEvents } from "../../lib/events"
import { tokenHash, type SessionTokenClaims } from "../../modules/account-security/services/session-registry"
import { accountSecurity } from "../utils/account-security"
import { clientIp } from "./client-ip"

/*
 * The session gate: every session the app hands out is known to the
 * registry (account-security `sessions`), and a request whose session has
 * ended is unauthenticated before any of Medusa's `authenticate()`
 * middlewares reads it. It runs first on every request (a global
 * middleware), so it holds for every route that authenticates a customer or
 * a user, Medusa's, the plugin's or custom code's, without a list of them:
 * the token (or cookie session) simply stops counting, and each route then
 * answers as it does for a request without one (401 where a login is
 * required). Tokens are recorded where Medusa hands them out: any answer
 * under `/auth` that carries a `token` (login, register, callback, MFA,
 * refresh), before the client can read it.
 */

/** What Medusa's `authenticate()` reads as a request's auth context (a verified JWT payload). */
type AuthClaims = SessionTokenClaims & { actor_id?: string; [key: string]: unknown }

/** Medusa's express-session data, with the registry's session id beside its auth context. */
type RegistrySessionData = {
  auth_context?: AuthClaims
  /** The registry's id of the session a cookie session continues. */
  cam_session_id?: string
}

/** The request's session as Medusa's `authenticate()` will read it (cookie first, then bearer). */
export type CurrentSession = {
  id: string
  via: "cookie" | "bearer"
  claims: AuthClaims
  /** The Back Office user signed in as the customer: an assisted session (docs/assistance.md). */
  assisted_by: string | null
}

const current = new WeakMap<MedusaRequest, CurrentSession>()

/** The session the request authenticates with, if the gate found one usable. */
export function currentSession(req: MedusaRequest): CurrentSession | null {
  return current.get(req) ?? null
}

const BEARER = /^\s*bearer\s+(\S+)\s*$/i

function expressSession(req: MedusaRequest): RegistrySessionData | null {
  return ((req as unknown as { session?: RegistrySessionData }).session ?? null) as RegistrySessionData | null
}

/** Verifies a token as Medusa's `authenticate()` does (same secret, key and options); null if it would not. */
export function verifiedClaims(req: MedusaRequest, token: string): AuthClaims | null {
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const claims = getAuthContextFromJwtToken(
    `Bearer ${token}`,
    http.jwtSecret!,
    ["bearer"],
    ["*"],
    http.jwtPublicKey,
    http.jwtVerifyOptions ?? http.jwtOptions
  ) as AuthClaims | null
  return claims && typeof claims.auth_identity_id === "string" && claims.auth_identity_id && typeof claims.actor_type === "string"
    ? claims
    : null
}

/**
 * The claims of the request's bearer token as Medusa's namespace-wide
 * `authenticate()` (which runs before this gate under `/store` and `/admin`)
 * already verified them: its auth context is the verified payload itself,
 * and with no cookie session it can only have come from the Authorization
 * header. Saves verifying the same signature twice on every request; null
 * where Medusa has not verified anything (under `/auth`, or a cookie session).
 */
function claimsMedusaVerified(req: MedusaRequest, cookie: RegistrySessionData | null): AuthClaims | null {
  if (cookie?.auth_context) {
    return null
  }
  const context = (req as MedusaRequest & { auth_context?: AuthClaims }).auth_context
  return context &&
    typeof context.iat === "number" &&
    typeof context.auth_identity_id === "string" &&
    context.auth_identity_id &&
    typeof context.actor_type === "string" &&
    context.actor_type !== "api-key"
    ? context
    : null
}

/** The IP and browser a session is seen from (the IP as the lockout counts it; never a 400 here). */
function seenFrom(req: MedusaRequest) {
  let ip: string | null = null
  try {
    ip = clientIp(req, accountSecurity(req.scope).getOptions().lockout.trustedProxyHops)
  } catch {
    ip = null
  }
  return { ip, user_agent: req.get("user-agent") ?? null }
}

/**
 * Global middleware: a cookie session or bearer token whose session ended
 * (revoked, past its absolute lifetime, or unknown and older than its
 * identity's cut-off) is taken off the request; a usable one becomes the
 * request's {@link currentSession}. Answers under `/auth` that hand out a
 * token record it first.
 */
/** Where `seenFrom` is needed outside the gate (a route that begins a session itself). */
export const sessionSeenFrom = (req: MedusaRequest) => seenFrom(req)

export async function sessionGate(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const sessions = accountSecurity(req.scope).sessions
  if (!sessions.enabled) {
    return next()
  }
  const seen = seenFrom(req)
  /** Claims of the credentials that still count. */
  const usable: AuthClaims[] = []
  const cookie = expressSession(req)
  if (cookie?.auth_context?.auth_identity_id) {
    const claims = cookie.auth_context
    const sessionId = cookie.cam_session_id ?? null
    // A cookie session the registry has not seen (begun before the plugin)
    // is known by its express-session id from now on.
    const expressId = (req as unknown as { sessionID?: string }).sessionID ?? ""
    const verdict = await sessions.check(
      claims,
      { session_id: sessionId, token_hash: sessionId ? null : tokenHash(`cookie:${expressId}`) },
      seen
    )
    if (verdict.valid) {
      cookie.cam_session_id = verdict.session_id
      current.set(req, { id: verdict.session_id, via: "cookie", claims, assisted_by: verdict.assisted_by })
      usable.push(claims)
    } else {
      delete cookie.auth_context
      delete cookie.cam_session_id
    }
  }
  const bearer = BEARER.exec(req.headers.authorization ?? "")?.[1]
  const claims = bearer ? (claimsMedusaVerified(req, cookie) ?? verifiedClaims(req, bearer)) : null
  if (bearer && claims) {
    const verdict = await sessions.check(claims, { token_hash: tokenHash(bearer), session_id: null }, seen)
    if (!verdict.valid) {
      delete req.headers.authorization
    } else {
      usable.push(claims)
      if (!current.has(req)) {
        current.set(req, { id: verdict.session_id, via: "bearer", claims, assisted_by: verdict.assisted_by })
      }
    }
  }
  if (!settleAuthContext(req, res, usable)) {
    return
  }
  if (req.path.toLowerCase().startsWith("/auth/")) {
    recordIssuedTokens(req, res)
  }
  next()
}

/**
 * Medusa authenticates `/admin` and `/store` requests once for the whole
 * namespace before any route's middleware runs, this gate included. An auth
 * context read from a credential that no longer counts is taken back: a
 * store request goes on as a guest (its routes that need a customer
 * authenticate again, and answer 401), an admin request gets Medusa's own
 * 401. Returns false when it answered.
 */
function settleAuthContext(req: MedusaRequest, res: MedusaResponse, usable: AuthClaims[]): boolean {
  const request = req as MedusaRequest & { auth_context?: AuthClaims }
  const context = request.auth_context
  if (!context?.auth_identity_id || context.actor_type === "api-key") {
    return true
  }
  const backed = usable.some(
    (claims) => claims.auth_identity_id === context.auth_identity_id && claims.actor_type === context.actor_type
  )
  if (backed) {
    return true
  }
  // The other credential of the request may still count (a revoked cookie beside a live token).
  const replacement = usable.find((claims) => claims.actor_type === context.actor_type && claims.actor_id)
  if (replacement) {
    request.auth_context = replacement
    return true
  }
  delete request.auth_context
  if (`${req.baseUrl ?? ""}${req.path}`.toLowerCase().startsWith("/admin")) {
    res.status(401).json({ message: "Unauthorized" })
    return false
  }
  return true
}

const recordedByRoute = new WeakSet<MedusaRequest>()

/**
 * For a route that records the session of the token it answers itself (the
 * assisted-shopping exchange, which begins an assisted session): the answer
 * is then not recorded a second time.
 */
export function tokenRecordedByRoute(req: MedusaRequest): void {
  recordedByRoute.add(req)
}

/** How a token handed out by this route begins its session (or continues the request's). */
function issuance(req: MedusaRequest): { continues: "refresh" | "mfa" | null; method: string } {
  const path = req.path.toLowerCase().replace(/\/+$/, "")
  if (path === "/auth/token/refresh") {
    return { continues: "refresh", method: "refresh" }
  }
  if (path.startsWith("/auth/mfa/")) {
    return { continues: "mfa", method: "mfa" }
  }
  if (path.endsWith("/register")) {
    return { continues: null, method: "registration" }
  }
  const provider = String(req.params?.auth_provider ?? path.split("/")[3] ?? "")
  return { continues: null, method: provider === "emailpass" ? "password" : "provider" }
}

/**
 * Wraps the answer of an `/auth` route: a body with a `token` is sent only
 * once the registry knows the token, so no client holds a session the
 * registry has not seen. (If the registry cannot be written, the token
 * still goes out: it is then adopted on first use, under the cut-off.)
 */
function recordIssuedTokens(req: MedusaRequest, res: MedusaResponse) {
  if (typeof res.json !== "function") {
    return
  }
  const json = res.json.bind(res)
  res.json = ((body: unknown) => {
    const token = (body as { token?: unknown } | null)?.token
    const claims =
      typeof token === "string" && res.statusCode < 400 && !recordedByRoute.has(req) ? verifiedClaims(req, token) : null
    if (!claims) {
      return json(body)
    }
    recordToken(req, token as string, claims).then(
      () => json(body),
      (error: unknown) => {
        req.scope
          .resolve(ContainerRegistrationKeys.LOGGER)
          .error(`medusa-customer-accounts: could not record a session: ${errorReason(error)}`)
        json(body)
      }
    )
    return res
  }) as typeof res.json
}

async function recordToken(req: MedusaRequest, token: string, claims: AuthClaims): Promise<void> {
  const sessions = accountSecurity(req.scope).sessions
  const { continues, method } = issuance(req)
  const asked = currentSession(req)
  const issued = { claims, token_hash: tokenHash(token) }
  if (continues && asked && asked.claims.auth_identity_id === claims.auth_identity_id) {
    await sessions.extend(asked.id, issued, continues === "refresh" ? { refresh: true } : { refresh: false, method })
    return
  }
  const sessionMethod = continues ? "adopted" : method
  const sessionId = await sessions.begin({ ...issued, method: sessionMethod, ...seenFrom(req) })
  // Straight on the bus, not through a workflow: this is every login's hot
  // path, the event only feeds the timeline, and it must never fail the login.
  await req.scope
    .resolve(Modules.EVENT_BUS)
    .emit({
      name: AccountSessionEvents.STARTED,
      data: {
        event_id: randomUUID(),
        session_id: sessionId,
        auth_identity_id: claims.auth_identity_id,
        actor_type: claims.actor_type,
        actor_id: claims.actor_id || null,
        method: sessionMethod,
      },
    })
    .catch(() => undefined)
}
