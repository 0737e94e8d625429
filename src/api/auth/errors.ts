import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { MAX_IDENTIFIER_LENGTH } from "../../lib/options"
import { EMAIL_NOT_VERIFIED } from "../../lib/email/verification"
import type { LoginAdmission } from "../../modules/account-security/service"
import { sendTooManyRequests } from "../utils/too-many-requests"

/*
 * What the auth guards refuse, and how each refusal is answered. Errors
 * raised where the provider is called (the guarded auth module) follow the
 * `http-errors` convention, which Medusa's error handler answers with their
 * status: `{ message, type }`.
 */

/** What a refused attempt answers, the same for every identifier. */
export const TOO_MANY_ATTEMPTS_MESSAGE = "Too many failed login attempts. Try again later."

/** What a right password of an account that must verify its address first answers (403). */
export const EMAIL_NOT_VERIFIED_MESSAGE =
  "Confirm your e-mail address to log in: use the link we sent you, or ask for a new one."

/** A login refused by the lockout where the provider is called (a route the middlewares do not know): 429. */
export class TooManyAttemptsError extends Error {
  readonly status = 429
  readonly statusCode = 429
  readonly expose = true
  constructor() {
    super(TOO_MANY_ATTEMPTS_MESSAGE)
    this.name = "TooManyAttemptsError"
  }
}

/**
 * A right password that may not log in yet (`emailVerification.required`):
 * 403, answered as `{ type: "email_not_verified", message }` (the
 * verification gate gives the body its own type; see verification-gate.ts).
 */
export class EmailNotVerifiedError extends Error {
  readonly status = 403
  readonly statusCode = 403
  readonly expose = true
  readonly type = EMAIL_NOT_VERIFIED
  constructor() {
    super(EMAIL_NOT_VERIFIED_MESSAGE)
    this.name = "EmailNotVerifiedError"
  }
}

/**
 * Answers a refused attempt: 429 with Retry-After, in Medusa's error shape.
 * The refusal is logged in the background.
 */
export function refuseAttempt(
  // Any route's response: the error body replaces its success shape.
  res: MedusaResponse<any>,
  admission: Extract<LoginAdmission, { admitted: false }>
): void {
  sendTooManyRequests(res, admission.retryAfterSeconds, TOO_MANY_ATTEMPTS_MESSAGE)
}

/**
 * A login identifier as the guards accept it: text PostgreSQL can store and
 * index (no NUL, at most 320 characters, the longest e-mail address).
 * Throws a 400 naming the field otherwise.
 */
export function assertIdentifier(field: string, value: string): void {
  if (value.includes("\u0000")) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: must not contain NUL characters`)
  }
  if (value.length > MAX_IDENTIFIER_LENGTH) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field}: must be at most ${MAX_IDENTIFIER_LENGTH} characters`
    )
  }
}
