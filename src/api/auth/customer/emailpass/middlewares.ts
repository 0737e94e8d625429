import {
  getAuthContextFromJwtToken,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { z } from "zod"
import { burnPasswordCheck } from "../../../../lib/password-policy"
import { SecurityCounterScopes } from "../../../../modules/account-security/service"
import { CustomerAccountEvents } from "../../../../modules/account-security/events"
import { attemptContext, recordOutcome, refuseAttempt } from "../../../utils/login-guard"
import { assertStorableText, noNul, validateBody } from "../../../utils/request-guards"
import {
  accountSecurity,
  findEmailpassIdentity,
  normalizeIdentifier,
  passwordContextFor,
  rememberCurrentPassword,
  sendPasswordPolicyError,
} from "../../../utils/password-policy"

type PasswordBody = { email?: unknown; password?: unknown }

/** Runs `effect` once the core handler has answered 200. */
function afterSuccess(res: MedusaResponse, effect: () => Promise<void>): void {
  res.on("finish", () => {
    if (res.statusCode === 200) {
      void effect()
    }
  })
}

/**
 * Login: counts the attempt atomically before the core handler runs scrypt,
 * refuses it with 429 while the identifier or the IP is locked, and settles
 * it from the final status (200 success, 401 wrong password).
 *
 * Also closes a timing leak of Medusa's emailpass provider, which answers
 * unknown e-mails without any password check: for those, one equivalent
 * scrypt check is spent here first, so both answers take as long.
 */
export async function guardCustomerLogin(
  req: MedusaRequest<PasswordBody>,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const { email, password } = req.body ?? {}
  if (typeof email !== "string") {
    return next()
  }
  // Counted and looked up as text below.
  assertStorableText("email", email)
  const security = accountSecurity(req.scope)
  const lockout = security.getOptions().lockout.enabled
  const attempt = attemptContext(req, normalizeIdentifier(email))
  if (lockout) {
    const admission = await security.admitLogin(attempt.identifier, attempt.ip)
    if (!admission.admitted) {
      // Refusals stay one statement: no identity lookup, no scrypt.
      return refuseAttempt(req, res, attempt, admission.retryAfterSeconds)
    }
  }
  // The provider looks the e-mail up exactly as sent, so this does too.
  if (typeof password === "string" && !(await findEmailpassIdentity(req.scope, email))) {
    await burnPasswordCheck(password)
  }
  if (lockout) {
    res.on("finish", () => {
      const outcome =
        res.statusCode === 200 ? "success" : res.statusCode === 401 ? "failure" : "aborted"
      void recordOutcome(req.scope, attempt, outcome)
    })
  }
  next()
}

/**
 * Registration: refuses a password the policy rejects before the core
 * handler creates any auth identity.
 */
export async function enforcePolicyOnRegister(
  req: MedusaRequest<PasswordBody>,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const { email, password } = req.body ?? {}
  if (typeof email === "string") {
    // Looked up as text, here and by the core handler.
    assertStorableText("email", email)
  }
  if (typeof password !== "string" || typeof email !== "string") {
    // Malformed bodies are the core handler's to refuse.
    return next()
  }
  const context = await passwordContextFor(req.scope, email, {
    first_name: null,
    last_name: null,
  })
  const result = accountSecurity(req.scope).checkPassword(password, context)
  if (!result.valid) {
    return sendPasswordPolicyError(res, result)
  }
  afterSuccess(res, () => rememberCurrentPassword(req.scope, email))
  next()
}

/**
 * Reset completion (`/update` with the reset token): same policy plus
 * history. Runs before the core's token check, and only reads the token, so
 * a refused password leaves the single-use token unspent for another try.
 */
export async function enforcePolicyOnReset(
  req: MedusaRequest<PasswordBody>,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const { password } = req.body ?? {}
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const token = getAuthContextFromJwtToken(
    req.headers.authorization,
    http.jwtSecret!,
    ["bearer"],
    ["customer"],
    http.jwtPublicKey,
    http.jwtVerifyOptions ?? http.jwtOptions
  ) as (Record<string, unknown> & { entity_id?: string; purpose?: string }) | null
  if (!token?.entity_id || token.purpose !== "reset") {
    // Invalid tokens are the core handler's to refuse (401).
    return next()
  }
  if (typeof password !== "string") {
    // The core handler would spend the single-use token before refusing the
    // body: refuse it here, so the link still works for a corrected request.
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "password: must be a string")
  }
  const email = token.entity_id
  const identity = await findEmailpassIdentity(req.scope, email)
  const context = await passwordContextFor(req.scope, email)
  const result = await accountSecurity(req.scope).checkNewPassword(
    password,
    context,
    identity?.auth_identity_id ?? null
  )
  if (!result.valid) {
    return sendPasswordPolicyError(res, result)
  }
  afterSuccess(res, async () => {
    await rememberCurrentPassword(req.scope, email)
    await liftLockAfterReset(req, email)
  })
  next()
}

/** A completed password reset proves control of the mailbox: it ends a lock. */
async function liftLockAfterReset(req: MedusaRequest, email: string): Promise<void> {
  const identifier = normalizeIdentifier(email)
  const wasLocked = await accountSecurity(req.scope).unlockIdentifier(identifier)
  if (wasLocked) {
    await req.scope.resolve(Modules.EVENT_BUS).emit({
      name: CustomerAccountEvents.UNLOCKED,
      data: { identifier, customer_id: null, reason: "password_reset" },
    })
  }
}

/**
 * Medusa's own body of a reset request (`ResetPasswordRequest`), validated
 * here already so that a request the core then refuses (400) has not used
 * up the quota. The identifier is also counted as text: no NUL.
 */
export const CustomerResetPasswordRequest = z.object({
  identifier: z.string().refine(...noNul("identifier")),
  metadata: z.record(z.string(), z.unknown()).optional(),
})
export type CustomerResetPasswordRequestType = z.infer<typeof CustomerResetPasswordRequest>

/**
 * Reset requests: at most `passwordReset.maxRequests` per identifier per
 * window. Extra requests get the same 201 as any other (so the answer tells
 * nothing about the account) but no token is made and nothing is sent.
 */
export async function limitResetRequests(
  req: MedusaRequest<CustomerResetPasswordRequestType>,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const { identifier } = req.validatedBody
  const security = accountSecurity(req.scope)
  const { maxRequests, windowSeconds } = security.getOptions().passwordReset
  const { allowed } = await security.consumeQuota(
    SecurityCounterScopes.PASSWORD_RESET,
    normalizeIdentifier(identifier),
    maxRequests,
    windowSeconds
  )
  if (!allowed) {
    return res.sendStatus(201)
  }
  next()
}

export const customerEmailpassMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/auth/customer/emailpass",
    middlewares: [guardCustomerLogin],
  },
  {
    method: ["POST"],
    matcher: "/auth/customer/emailpass/register",
    middlewares: [enforcePolicyOnRegister],
  },
  {
    method: ["POST"],
    matcher: "/auth/customer/emailpass/update",
    middlewares: [enforcePolicyOnReset],
  },
  {
    method: ["POST"],
    matcher: "/auth/customer/emailpass/reset-password",
    middlewares: [
      ...validateBody(CustomerResetPasswordRequest),
      limitResetRequests,
    ],
  },
]
