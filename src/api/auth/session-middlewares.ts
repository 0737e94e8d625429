import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { errorReason } from "../../lib/error-reason"
import { findEmailpassIdentityOf } from "../../lib/identity/auth-identity"
import { EMAIL_NOT_VERIFIED, loginAwaitsVerification } from "../../lib/email/verification"
import { revokeAccountSessionsWorkflow } from "../../workflows/account-session"
import { accountSecurity } from "../utils/account-security"
import { EMAIL_NOT_VERIFIED_MESSAGE } from "./errors"
import { tokenHash } from "../../modules/account-security/services/session-registry"
import { assistedSessionToken } from "./customer/assistance/token"
import { currentSession, sessionGate, tokenRecordedByRoute, type CurrentSession } from "./session-gate"

/**
 * Refresh (`POST /auth/token/refresh`): Medusa re-issues a token with an
 * actor without any check. A customer whose address must be verified first
 * (`emailVerification.required`) gets the login's refusal instead (403
 * `email_not_verified`), so a registration token cannot become a full
 * session by refreshing it. A session past its absolute lifetime, revoked,
 * or erased never gets here: the gate took its token off the request (401).
 * A lock does not refuse a refresh (see docs/security.md "Sessions").
 * An assisted session is refreshed here, not by Medusa: its new token keeps
 * it apart from the customer's own tokens and ends with the session.
 */
export async function guardRefresh(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const session = currentSession(req)
  const security = accountSecurity(req.scope)
  if (!session || session.claims.actor_type !== "customer") {
    return next()
  }
  if (session.assisted_by) {
    return refreshAssistedSession(req, res, session)
  }
  const requirement = security.getOptions().emailVerification
  if (!requirement.required) {
    return next()
  }
  const identity = await findEmailpassIdentityOf(req.scope, session.claims.auth_identity_id)
  if (identity && (await loginAwaitsVerification(req.scope, identity, requirement))) {
    res.status(403).json({ type: EMAIL_NOT_VERIFIED, message: EMAIL_NOT_VERIFIED_MESSAGE })
    return
  }
  next()
}

/** A new token for an assisted session, recorded in the same session; its end does not move. */
async function refreshAssistedSession(req: MedusaRequest, res: MedusaResponse, session: CurrentSession) {
  const sessions = accountSecurity(req.scope).sessions
  const [row] = await accountSecurity(req.scope).listAccountSessions({ id: session.id }, { take: 1 })
  const customerId = session.claims.actor_id
  if (!row || typeof customerId !== "string" || !customerId) {
    res.status(401).json({ message: "Unauthorized" })
    return
  }
  const { token, exp } = assistedSessionToken(req, {
    customer_id: customerId,
    auth_identity_id: session.claims.auth_identity_id,
    ref: session.id,
    ends_at: new Date(row.ends_at),
  })
  await sessions.extend(
    session.id,
    { claims: { auth_identity_id: session.claims.auth_identity_id, actor_type: "customer", exp }, token_hash: tokenHash(token) },
    { refresh: true }
  )
  tokenRecordedByRoute(req)
  res.json({ token })
}

/**
 * `POST /auth/session` turns the bearer token's session into a cookie
 * session: the cookie carries the registry's id of the same session, so
 * revoking it ends both.
 */
export async function markCookieSession(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const session = currentSession(req)
  const data = (req as unknown as { session?: { cam_session_id?: string } }).session
  if (session?.via === "bearer" && data) {
    data.cam_session_id = session.id
    await accountSecurity(req.scope).sessions.markCookie(session.id)
  }
  next()
}

/** `DELETE /auth/session` (sign out): the cookie's session ends in the registry too. */
export async function endCookieSession(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const session = currentSession(req)
  if (session?.via === "cookie") {
    await revokeAccountSessionsWorkflow(req.scope)
      .run({
        input: {
          auth_identity_id: session.claims.auth_identity_id,
          only: [session.id],
          reason: "signed_out",
          by: session.claims.actor_type === "user" ? `user:${session.claims.actor_id ?? ""}` : "customer",
        },
      })
      .catch((error: unknown) =>
        req.scope
          .resolve(ContainerRegistrationKeys.LOGGER)
          .error(`medusa-customer-accounts: could not end a session: ${errorReason(error)}`)
      )
  }
  next()
}

export const sessionMiddlewares: MiddlewareRoute[] = [
  // Global (every request), before anything reads the request's auth context.
  { matcher: "/", middlewares: [sessionGate] },
  { method: ["POST"], matcher: "/auth/token/refresh", middlewares: [guardRefresh] },
  { method: ["POST"], matcher: "/auth/session", middlewares: [markCookieSession] },
  { method: ["DELETE"], matcher: "/auth/session", middlewares: [endCookieSession] },
]
