import {
  getAuthContextFromJwtToken,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { generateResetPasswordTokenWorkflow } from "@medusajs/medusa/core-flows"
import { SecurityCounterScopes } from "../../modules/account-security/service"
import {
  actorIdOf,
  EMAILPASS_PROVIDER,
  findEmailpassIdentity,
  isResetTokenLive,
  normalizeIdentifier,
} from "../../lib/identity/auth-identity"
import { callerResetMetadata } from "../../lib/password-reset/reset-request"
import { errorReason } from "../../lib/error-reason"
import { accountSecurity } from "../utils/account-security"
import { sendPasswordPolicyError } from "../utils/password-policy"
import { refuseHostileBodies } from "../utils/request-guards"
import { assertIdentifier, refuseAttempt } from "./errors"
import { installPasswordGuard } from "./guarded-auth-module"
import { loginLockout } from "./lockout-flow"
import { markResetCompletion, vetPasswordFor } from "./new-password"
import { decideRegistration } from "./registration"
import { deferredWork } from "../../lib/deferred-work"

/*
 * Where HTTP meets the auth guards. Medusa's auth routes are parametric
 * (`/auth/:actor_type/:auth_provider…`): Express matches them without regard
 * to case or a trailing slash and decodes their params, and the login route
 * answers GET (and HEAD) as well as POST. These middlewares sit on exactly
 * Medusa's matchers and methods and decide on the decoded params, so every
 * request that reaches one of Medusa's handlers passed one of them first
 * (integration-tests/http/auth-enforcement.spec.ts enumerates the routes
 * Medusa registers to prove it). They answer refusals early and in full;
 * the guarded auth module (installed for every request) enforces the same
 * decisions where the provider is called, for any route or custom code.
 */

type Credentials = { email?: unknown; password?: unknown }

const isEmailpass = (req: MedusaRequest) => req.params.auth_provider === EMAILPASS_PROVIDER

/**
 * A route path (`/auth/:actor_type/:auth_provider/update`) as Express 4
 * compiles it: case-insensitive, optional trailing slash, each `:param`
 * captured (and decoded by Express) in order. Medusa sorts RegExp matchers
 * before every string matcher, so a middleware on such a pattern runs before
 * Medusa's own middlewares on the same route. route-matchers.unit.spec.ts
 * checks the patterns against Express's own.
 */
export function expressPattern(path: string): RegExp {
  const segments = path
    .split("/")
    .filter(Boolean)
    .map((segment) =>
      segment.startsWith(":") ? "(?:\\/([^/]+?))" : `\\/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`
    )
  return new RegExp(`^${segments.join("")}\\/?$`, "i")
}

/** Before Medusa's `validateToken()` spends the single-use reset token. */
export const PASSWORD_UPDATE_ROUTE = expressPattern("/auth/:actor_type/:auth_provider/update")
/** Before Medusa's body validator, which answers some crafted bodies with a 500. */
export const RESET_REQUEST_ROUTE = expressPattern("/auth/:actor_type/:auth_provider/reset-password")

/**
 * Login: admits the attempt (the lockout's atomic count) before Medusa's
 * handler runs scrypt, and answers 429 with Retry-After while the identifier
 * or the IP is locked. The guarded provider call then checks and settles it.
 */
export async function guardLogin(
  req: MedusaRequest<Credentials>,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const { email, password } = req.body ?? {}
  if (!isEmailpass(req) || typeof email !== "string" || typeof password !== "string") {
    // The provider refuses such a body unread: no password is checked.
    return next()
  }
  await admitOrRefuse(req, res, next, email)
}

/** Admits a password check of `email` through this route, or answers its refusal. */
async function admitOrRefuse(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction, email: string) {
  const admission = await loginLockout(req, res).admit(req.params.actor_type, email)
  if (!admission.admitted) {
    return refuseAttempt(res, admission)
  }
  next()
}

/**
 * Registration, as {@link decideRegistration} decides it (the same decision
 * the guarded auth module enforces): a malformed address is a 400; an
 * identity that exists without an actor is a login, admitted like one; a
 * new identity's password that fails the policy is refused before Medusa's
 * handler creates anything. The rest goes on to Medusa's handler and the
 * guarded auth module.
 */
export async function guardRegistration(
  req: MedusaRequest<Credentials>,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const { email, password } = req.body ?? {}
  if (!isEmailpass(req) || typeof email !== "string" || typeof password !== "string") {
    return next()
  }
  const decision = await decideRegistration(loginLockout(req, res), email, password)
  if (decision.kind === "login") {
    return admitOrRefuse(req, res, next, email)
  }
  if (decision.kind === "refused") {
    return sendPasswordPolicyError(res, decision.verdict)
  }
  next()
}

/**
 * Reset completion (`/update` with a reset token): the policy and history
 * apply, but only for a token Medusa would accept (signed for this actor
 * type, unspent, unexpired). Any other token goes straight to Medusa's own
 * refusal (401): no policy verdict, no scrypt, so a spent link is no oracle.
 * Runs before Medusa spends the single-use token, so a refused password
 * leaves the link usable for another try.
 */
export async function guardPasswordUpdate(
  req: MedusaRequest<Credentials>,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  // The params of PASSWORD_UPDATE_ROUTE, decoded by Express.
  const [actorType, provider] = [req.params[0], req.params[1]]
  if (provider !== EMAILPASS_PROVIDER) {
    return next()
  }
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const token = getAuthContextFromJwtToken(
    req.headers.authorization,
    http.jwtSecret!,
    ["bearer"],
    [actorType],
    http.jwtPublicKey,
    http.jwtVerifyOptions ?? http.jwtOptions
  ) as (Record<string, unknown> & { entity_id?: string; purpose?: string; jti?: string }) | null
  if (
    !token?.entity_id ||
    token.purpose !== "reset" ||
    !token.jti ||
    !(await isResetTokenLive(req.scope, token.jti, token.entity_id))
  ) {
    return next()
  }
  if (!actorIdOf(await findEmailpassIdentity(req.scope, token.entity_id), actorType)) {
    // A link issued for an actor the identity does not have (before the
    // plugin refused to issue one): it would set another actor's password.
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Invalid token")
  }
  const { password } = req.body ?? {}
  if (typeof password !== "string") {
    // Medusa would spend the token before refusing the body: refuse it here.
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "password: must be a string")
  }
  markResetCompletion(req, token.entity_id)
  const verdict = await vetPasswordFor(req.scope, token.entity_id, password)
  if (!verdict.valid) {
    return sendPasswordPolicyError(res, verdict)
  }
  next()
}

type ResetRequestBody = { identifier: string; metadata?: Record<string, unknown> }

/**
 * Reset requests, answered in place of Medusa's handler: the same 201 for
 * every identifier, known or not, sent before any lookup, so neither the
 * answer nor its timing tells whether an account exists. At most
 * `passwordReset.maxRequests` per normalized identifier per window go on, in
 * the background (`deferredWork`), to Medusa's own `generateResetPasswordTokenWorkflow` (a
 * token and `auth.password_reset` when the identity exists); the rest send
 * nothing. Medusa's validator ran first (`identifier` is a string).
 */
export async function answerResetRequest(
  req: MedusaRequest<ResetRequestBody>,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  if (!isEmailpass(req)) {
    return next()
  }
  const { identifier, metadata } = req.validatedBody
  assertIdentifier("identifier", identifier)
  const security = accountSecurity(req.scope)
  const { maxRequests, windowSeconds } = security.getOptions().passwordReset
  const { allowed } = await security.quotas.consume(
    SecurityCounterScopes.PASSWORD_RESET,
    normalizeIdentifier(identifier),
    maxRequests,
    windowSeconds
  )
  res.sendStatus(201)
  if (!allowed) {
    return
  }
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const { actor_type: actorType, auth_provider: provider } = req.params
  // Off the path of the next requests: only a known identity has work here.
  deferredWork.schedule(
    async () => {
      // A link for an actor type goes only to an identity that has that
      // actor: customers and Back Office users share emailpass identities,
      // and a customer's link would set a user's password (and vice versa).
      if (!actorIdOf(await findEmailpassIdentity(req.scope, identifier), actorType)) {
        return
      }
      await generateResetPasswordTokenWorkflow(req.scope).run({
        input: {
          entityId: identifier,
          actorType,
          provider,
          secret: http.jwtSecret!,
          jwtOptions: http.jwtOptions,
          // What the e-mail says about who asked is never the caller's to set.
          metadata: callerResetMetadata(metadata),
        },
        throwOnError: false,
      })
    },
    (error) =>
      req.scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(`medusa-customer-accounts: could not start a password reset: ${errorReason(error)}`)
  )
}

export const authMiddlewares: MiddlewareRoute[] = [
  // Global (every request): the guarded auth module and a verdict cache.
  { matcher: "/", middlewares: [installPasswordGuard] },
  {
    method: ["GET", "POST"],
    matcher: "/auth/:actor_type/:auth_provider",
    middlewares: [guardLogin],
  },
  {
    method: ["POST"],
    matcher: "/auth/:actor_type/:auth_provider/register",
    middlewares: [guardRegistration],
  },
  {
    method: ["POST"],
    matcher: PASSWORD_UPDATE_ROUTE,
    middlewares: [guardPasswordUpdate],
  },
  {
    // Medusa's validator converts a bad value to text for its message, which
    // throws on some crafted bodies (a 500): refuse those first.
    method: ["POST"],
    matcher: RESET_REQUEST_ROUTE,
    middlewares: [refuseHostileBodies],
  },
  {
    method: ["POST"],
    matcher: "/auth/:actor_type/:auth_provider/reset-password",
    middlewares: [answerResetRequest],
  },
]
