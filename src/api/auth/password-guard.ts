import { createHash, randomUUID } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AuthenticationResponse } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { canonicalIp } from "../../lib/ip-address"
import { MAX_FORWARDED_FOR_LENGTH, MAX_IDENTIFIER_LENGTH } from "../../lib/options"
import { burnPasswordCheck, normalizePassword, type PasswordValidationResult } from "../../lib/password-policy"
import { CustomerAccountEvents, UserAccountEvents } from "../../lib/events"
import { SecurityCounterScopes } from "../../modules/account-security/types"
import type {
  AccountKind,
  LoginAdmission,
  LoginAttemptOutcome,
} from "../../modules/account-security/service"
import {
  accountsOfSubject,
  findEmailpassIdentity,
  lockoutSubjectOf,
  normalizeIdentifier,
  type EmailpassIdentity,
  type LockoutSubject,
} from "../../lib/identity/auth-identity"
import { errorReason } from "../../lib/error-reason"
import { vetNewPassword } from "../../lib/password-policy/password-vetting"
import { screenLoginPassword } from "./breached-login"
import { EMAIL_NOT_VERIFIED, loginAwaitsVerification } from "../../lib/email/verification"
import { accountSecurity } from "../utils/account-security"
import { sendTooManyRequests } from "../utils/too-many-requests"

/** What a refused attempt answers, the same for every identifier. */
export const TOO_MANY_ATTEMPTS_MESSAGE = "Too many failed login attempts. Try again later."

/** What the guard needs of a response: to add Retry-After, and to know when it ends. */
type GuardedResponse = {
  setHeader(name: string, value: string): unknown
  on(event: "close", listener: () => void): unknown
}

/** The emailpass provider's answer to a wrong password or an unknown e-mail. */
const WRONG_CREDENTIALS = "Invalid email or password"

export type LoginAttemptContext = {
  /** The canonical e-mail tried (attempt log, events). */
  identifier: string
  /**
   * The lockout row it counts on: the identity's when the e-mail names one
   * (see `lockoutSubjectOf`), else the canonical e-mail. Set at admission.
   */
  key: string
  auth_identity_id: string | null
  subject: LockoutSubject | null
  actor_type: string
  ip: string | null
  user_agent: string | null
  attempted_at: Date
}

/** Whose lockout block an attempt through a route of this actor type uses. */
export const routeKind = (actorType: string): AccountKind =>
  actorType.toLowerCase() === "user" ? "user" : "customer"

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

/**
 * The client's IP as the lockout counts it, canonical (see lib/ip-address).
 * `trustedProxyHops: null` keeps Express' `req.ip` (Medusa trusts one proxy
 * hop); a number counts the proxies whose X-Forwarded-For entries are
 * believed, so a client cannot pick its own IP by sending the header itself.
 * An X-Forwarded-For header too long to be a proxy chain, or a client
 * address that is not an IP, is a 400.
 */
export function clientIp(req: MedusaRequest, trustedProxyHops: number | null): string | null {
  const header = req.headers["x-forwarded-for"]
  const forwardedFor = Array.isArray(header) ? header.join(",") : header ?? ""
  if (forwardedFor.length > MAX_FORWARDED_FOR_LENGTH) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `X-Forwarded-For: must be at most ${MAX_FORWARDED_FOR_LENGTH} characters`
    )
  }
  let address: string | null
  if (trustedProxyHops === null) {
    address = req.ip ?? null
  } else {
    const forwarded = forwardedFor
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean)
      .reverse()
    const chain = [req.socket.remoteAddress ?? null, ...forwarded]
    address = chain[Math.min(trustedProxyHops, chain.length - 1)] ?? null
  }
  if (address === null) {
    return null
  }
  const ip = canonicalIp(address)
  if (!ip) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "X-Forwarded-For: the client address must be an IP address"
    )
  }
  return ip
}

/**
 * A refusal raised where the provider is called (a route the middlewares do
 * not know). Medusa's error handler answers errors of this shape (the
 * `http-errors` convention) with their status: 429, `{ message, type }`.
 */
export class TooManyAttemptsError extends Error {
  readonly status = 429
  readonly statusCode = 429
  readonly expose = true
  constructor() {
    super(TOO_MANY_ATTEMPTS_MESSAGE)
    this.name = "TooManyAttemptsError"
  }
}

/** What a right password of an account that must verify its address first answers (403). */
export const EMAIL_NOT_VERIFIED_MESSAGE =
  "Confirm your e-mail address to log in: use the link we sent you, or ask for a new one."

/**
 * A right password that may not log in yet (`emailVerification.required`):
 * 403, answered as `{ type: "email_not_verified", message }` (the guard
 * gives the body its own type; see {@link PasswordGuard.refusal}).
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
 * Medusa's answers to a wrong second factor (`verifyAuthMfaChallenge`): a
 * wrong code, or a code sent to a challenge its wrong codes used up. Its
 * other refusals (expired, completed, unknown challenge or method) check no
 * code and count nothing.
 */
const WRONG_SECOND_FACTOR = new Set(["Invalid MFA challenge code", "MFA challenge has too many failed attempts"])

const TOTP_METHOD = "totp"

/**
 * How long a TOTP code that completed a challenge stays spent: Medusa
 * accepts a code one 30 s step either side of now, so it is valid for up to
 * 90 s; two minutes cover that with room for clock skew.
 */
const TOTP_REUSE_WINDOW_SECONDS = 120

/** The spent-code key: the code never stored as such, and bound to its identity. */
const totpClaimKey = (authIdentityId: string, code: string) =>
  createHash("sha256").update(`${authIdentityId}\u0000${code.trim()}`).digest("hex")

/** How a settled attempt ended; `second_factor`: right password, an MFA challenge follows. */
type SettledOutcome = LoginAttemptOutcome | "aborted" | "second_factor" | "unverified"

/** Which factor an attempt checked: the password, or an MFA code. */
type Factor = "password" | "mfa"

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
 * The password checks of one request, guarded: every check of an emailpass
 * password goes through {@link PasswordGuard.verify} (admit, check, settle),
 * every new password through {@link PasswordGuard.vetNewPassword}. The HTTP
 * middlewares ask first, to answer refusals before Medusa's handler runs;
 * the guarded auth module (guarded-auth-module.ts) asks again where the
 * provider is called, and gets the same answer. One per request.
 */
export class PasswordGuard {
  protected readonly admissions = new Map<string, Promise<LoginAdmission>>()
  protected readonly settled = new Set<string>()
  protected readonly identities = new Map<string, Promise<EmailpassIdentity | null>>()
  protected readonly subjects = new Map<string, Promise<LockoutSubject>>()
  protected readonly attempts = new Map<string, LoginAttemptContext>()
  /** Set by the reset-completion middleware: the identity a valid reset token names. */
  resetCompletionFor: string | null = null
  /**
   * Set by routes that check the current password of a logged-in customer
   * (changing it): a right password there is no login, so it emits no
   * `login_succeeded` (a wrong one still counts and is reported).
   */
  reauthentication = false
  /**
   * The body of a refusal whose `type` is the plugin's own (Medusa's error
   * handler maps an error's status to a generic type); the request's
   * response writes it instead (installPasswordGuard).
   */
  refusal: { type: string; message: string } | null = null

  constructor(
    protected readonly req: MedusaRequest,
    protected readonly res: GuardedResponse
  ) {}

  protected get security() {
    return accountSecurity(this.req.scope)
  }

  /** The client's IP as the lockout counts it. */
  clientIp(): string | null {
    return clientIp(this.req, this.security.getOptions().lockout.trustedProxyHops)
  }

  get lockoutEnabled(): boolean {
    return this.security.getOptions().lockout.enabled
  }

  /** The emailpass identity of an e-mail (looked up once per request). */
  identity(email: string): Promise<EmailpassIdentity | null> {
    if (!this.identities.has(email)) {
      this.identities.set(email, findEmailpassIdentity(this.req.scope, email))
    }
    return this.identities.get(email)!
  }

  /**
   * Whose lockout an attempt on `email` counts on (see `lockoutSubjectOf`).
   * Both reads run for every e-mail, known or not, in parallel: the same
   * work whatever the answer, so its timing tells nothing.
   */
  subject(email: string): Promise<LockoutSubject> {
    if (!this.subjects.has(email)) {
      this.subjects.set(
        email,
        Promise.all([this.identity(email), this.security.identities.holderOf(normalizeIdentifier(email))]).then(
          ([exact, holder]) => lockoutSubjectOf(email, exact, holder)
        )
      )
    }
    return this.subjects.get(email)!
  }

  /** The attempt as the lockout counts and logs it. Throws 400 on unstorable input. */
  attempt(actorType: string, email: string): LoginAttemptContext {
    assertIdentifier("email", email)
    const key = `${actorType}\u0000${email}`
    if (!this.attempts.has(key)) {
      this.attempts.set(key, {
        identifier: normalizeIdentifier(email),
        key: normalizeIdentifier(email),
        auth_identity_id: null,
        subject: null,
        actor_type: actorType,
        ip: clientIp(this.req, this.security.getOptions().lockout.trustedProxyHops),
        user_agent: this.req.get("user-agent") ?? null,
        attempted_at: this.security.now(),
      })
    }
    return this.attempts.get(key)!
  }

  /**
   * Whose block limits the identity an attempt counts on (see
   * `LockoutService.ownerOf`): its accounts decide, not the route it came
   * through; null before the subject is known or for an unknown e-mail.
   */
  protected ownerOf(attempt: LoginAttemptContext): AccountKind | null {
    return attempt.subject?.auth_identity_id ? this.security.lockout.ownerOf(accountsOfSubject(attempt.subject)) : null
  }

  /**
   * Admits (or refuses) one password check of `email` through a route of
   * `actorType`: the lockout's single atomic statement. Asked twice in a
   * request, answers the same without counting twice. An admitted attempt
   * that never reaches a verdict is given back when the response ends.
   */
  admit(actorType: string, email: string): Promise<LoginAdmission> {
    const attempt = this.attempt(actorType, email)
    if (!this.lockoutEnabled) {
      return Promise.resolve({ admitted: true })
    }
    const key = attempt.identifier
    if (!this.admissions.has(key)) {
      const admission = this.subject(email).then((subject) => {
        attempt.subject = subject
        attempt.key = subject.key
        attempt.auth_identity_id = subject.auth_identity_id
        return this.security.lockout.admit(subject.key, attempt.ip, routeKind(actorType), this.ownerOf(attempt))
      })
      this.admissions.set(key, admission)
      void admission.then((result) => {
        if (!result.admitted) {
          this.settleLater(attempt, "refused")
          return
        }
        this.res.on("close", () => {
          if (!this.settled.has(key)) {
            this.settleLater(attempt, "aborted")
          }
        })
      }, () => undefined)
    }
    return this.admissions.get(key)!
  }

  /**
   * The lockout flow around one password check: admit, run `check` (the
   * emailpass provider), settle from its verdict. A refusal throws 429
   * (with Retry-After) before any password is checked. For an e-mail without
   * an identity one equivalent scrypt check is spent as well, since the
   * provider answers those without one and the timing would tell.
   */
  async verify(
    actorType: string,
    email: string,
    password: string,
    check: () => Promise<AuthenticationResponse>,
    /** Which failed answers mean a wrong password (others give the attempt back). */
    isWrongPassword: (result: AuthenticationResponse) => boolean = (result) => result.error === WRONG_CREDENTIALS
  ): Promise<AuthenticationResponse> {
    const attempt = this.attempt(actorType, email)
    const admission = await this.admit(actorType, email)
    if (!admission.admitted) {
      this.res.setHeader("Retry-After", String(admission.retryAfterSeconds))
      throw new TooManyAttemptsError()
    }
    // The identity is looked up while the provider checks the password.
    const identity = this.identity(email)
    let result: AuthenticationResponse
    try {
      result = await check()
    } catch (error) {
      this.settleLater(attempt, "aborted")
      throw error
    }
    const found = await identity
    if (!found) {
      await burnPasswordCheck(password)
      if (normalizePassword(password) !== password) {
        // A known identity's login checks such a password twice (the form as
        // typed, for hashes stored before normalization): so does this one.
        await burnPasswordCheck(password)
      }
    }
    if (result.success && found && (await this.awaitsVerification(actorType, found))) {
      this.settleLater(attempt, "unverified", found)
      this.refusal = { type: EMAIL_NOT_VERIFIED, message: EMAIL_NOT_VERIFIED_MESSAGE }
      throw new EmailNotVerifiedError()
    }
    // With an MFA factor the right password only opens a challenge: the
    // login succeeds (and forgets earlier failures) when the code is right.
    const outcome = result.success
      ? result.mfaChallenge
        ? "second_factor"
        : "success"
      : isWrongPassword(result)
        ? "failure"
        : "aborted"
    this.settleLater(attempt, outcome, found)
    // Not for a logged-in customer confirming their password: a change follows.
    if (result.success && found && routeKind(actorType) === "customer" && !this.reauthentication) {
      screenLoginPassword(this.req.scope, found, password)
    }
    return result
  }

  /**
   * Whether a customer's right password must still be refused: the address
   * is unverified while `emailVerification.required` (not for Back Office
   * routes, nor for a logged-in customer confirming their password).
   */
  protected async awaitsVerification(actorType: string, identity: EmailpassIdentity): Promise<boolean> {
    if (routeKind(actorType) !== "customer" || this.reauthentication) {
      return false
    }
    return loginAwaitsVerification(this.req.scope, identity, this.security.getOptions().emailVerification)
  }

  /**
   * The lockout around an MFA challenge's code, as around a password: the
   * identity's login must be admitted (a locked account gets 429, no code
   * is checked), a wrong code counts as a failed login and may lock it, a
   * right one is the login's success. Medusa's own per-challenge limit
   * still applies; this one spans challenges, so a known password cannot
   * open a fresh challenge for each batch of guesses.
   */
  async verifySecondFactor<T>(
    actorType: string,
    identity: EmailpassIdentity,
    code: { method: string; code: string },
    check: () => Promise<T>
  ): Promise<T> {
    const attempt = this.attempt(actorType, identity.entity_id)
    const admission = await this.admit(actorType, identity.entity_id)
    if (!admission.admitted) {
      this.res.setHeader("Retry-After", String(admission.retryAfterSeconds))
      throw new TooManyAttemptsError()
    }
    const claim = code.method === TOTP_METHOD ? totpClaimKey(identity.auth_identity_id, code.code) : null
    const quotas = this.security.quotas
    if (claim && !(await quotas.claim(SecurityCounterScopes.MFA_CODE_USED, claim, TOTP_REUSE_WINDOW_SECONDS))) {
      // A code that completed a challenge is spent (RFC 6238 5.2): a replay is a wrong code.
      this.settleLater(attempt, "failure", identity, "mfa")
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Invalid MFA challenge code")
    }
    try {
      const result = await check()
      this.settleLater(attempt, "success", identity, "mfa")
      return result
    } catch (error) {
      if (claim) {
        await quotas.release(SecurityCounterScopes.MFA_CODE_USED, claim).catch(() => undefined)
      }
      const wrongCode = error instanceof MedusaError && WRONG_SECOND_FACTOR.has(error.message)
      this.settleLater(attempt, wrongCode ? "failure" : "aborted", identity, "mfa")
      throw error
    }
  }

  /**
   * Settles in the next turn of the event loop: the answer is on its way
   * first. The attempt is marked settled at once, so it is settled once.
   */
  protected settleLater(
    attempt: LoginAttemptContext,
    outcome: SettledOutcome,
    identity?: EmailpassIdentity | null,
    factor: Factor = "password"
  ): void {
    if (this.settled.has(attempt.identifier)) {
      return
    }
    this.settled.add(attempt.identifier)
    setImmediate(() => void this.settle(attempt, outcome, identity, factor))
  }

  /**
   * The password policy (and history) for a password about to be stored for
   * `email`, decided once per request (see lib/password-policy/password-vetting).
   */
  vetNewPassword(email: string, password: string): Promise<PasswordValidationResult> {
    assertIdentifier("email", email)
    return vetNewPassword(this.req.scope, email, password)
  }

  /**
   * Settles an attempt once its verdict is known: a success resets the
   * identifier's failures, a failure may lock it (under the block of the
   * identity's owner), an abort gives its places back. Emits the lockout
   * events and writes the attempt log. Never throws: the counts that enforce
   * the lock were written at admission.
   */
  protected async settle(
    attempt: LoginAttemptContext,
    outcome: SettledOutcome,
    identity?: EmailpassIdentity | null,
    factor: Factor = "password"
  ): Promise<void> {
    if (!this.lockoutEnabled) {
      return
    }
    const { scope } = this.req
    const security = this.security
    const route = routeKind(attempt.actor_type)
    try {
      if (outcome === "aborted" || outcome === "second_factor") {
        // No verdict on the login yet: its place in the counts is given back.
        await security.lockout.release(attempt.key, attempt.ip, route, this.ownerOf(attempt))
        return
      }
      const eventBus = scope.resolve(Modules.EVENT_BUS)
      // Names the attempt in its events: subscribers record each once.
      const attemptRef = { attempt_id: randomUUID(), ip: attempt.ip, user_agent: attempt.user_agent }
      if (outcome === "refused" || outcome === "unverified") {
        // Refusals are what an attack produces by the thousand: one insert,
        // no lookup (the admin views find them by identifier; the activity
        // subscriber looks the account up after the answer). A right
        // password refused for an unverified address counts as no failure.
        if (outcome === "unverified") {
          await security.lockout.release(attempt.key, attempt.ip, route, this.ownerOf(attempt))
        }
        const known = attempt.subject ? accountsOfSubject(attempt.subject) : null
        await security.lockout.log({
          ...loggedAttempt(attempt),
          customer_id: known?.customer_id ?? null,
          user_id: known?.user_id ?? null,
          outcome: "refused",
        })
        // Straight on the bus (here and below): every login's hot path, after
        // the answer; the events only feed the timeline and notifications.
        await eventBus.emit({
          name: CustomerAccountEvents.LOGIN_REFUSED,
          data: {
            identifier: attempt.identifier,
            actor_type: attempt.actor_type,
            attempted_at: attempt.attempted_at.toISOString(),
            reason: outcome === "unverified" ? EMAIL_NOT_VERIFIED : "locked",
            ...attemptRef,
          },
        })
        return
      }
      // The person is the identity the attempt counted on, never a match of
      // the e-mail string (a look-alike shares it).
      const accounts = accountsOfSubject(
        attempt.subject ?? lockoutSubjectOf(attempt.identifier, identity ?? null, null)
      )
      const logged = { ...loggedAttempt(attempt), customer_id: accounts.customer_id, user_id: accounts.user_id }
      const owner = security.lockout.ownerOf(accounts) ?? route
      if (outcome === "success") {
        await security.lockout.recordSuccess(logged, { owner, route, key: attempt.key })
        if (this.reauthentication) {
          return
        }
        await eventBus.emit({
          name: CustomerAccountEvents.LOGIN_SUCCEEDED,
          data: { ...accountRefs(attempt, accounts), factor, ...attemptRef },
        })
        return
      }
      const result = await security.lockout.recordFailure(attempt.key, attempt.ip, { owner, route })
      await eventBus.emit({
        name: CustomerAccountEvents.LOGIN_FAILED,
        data: { ...accountRefs(attempt, accounts), factor, ...attemptRef },
      })
      if (result.locked) {
        const data = {
          ...accountRefs(attempt, accounts),
          attempt_id: attemptRef.attempt_id,
          locked_until: result.locked_until?.toISOString() ?? null,
          lock_count: result.lock_count,
        }
        if (accounts.user_id) {
          await eventBus.emit({ name: UserAccountEvents.LOCKED, data })
        }
        if (accounts.customer_id || !accounts.user_id) {
          await eventBus.emit({ name: CustomerAccountEvents.LOCKED, data })
        }
      }
      await security.lockout.log({ ...logged, outcome })
    } catch (error) {
      scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(`medusa-customer-accounts: could not record a login attempt (${outcome}): ${errorReason(error)}`)
    }
  }
}

/** An attempt as the attempt log stores it. */
function loggedAttempt(attempt: LoginAttemptContext) {
  const { key: _key, subject: _subject, ...logged } = attempt
  return logged
}

function accountRefs(
  attempt: LoginAttemptContext,
  accounts: { customer_id: string | null; user_id: string | null }
) {
  return {
    identifier: attempt.identifier,
    actor_type: attempt.actor_type,
    customer_id: accounts.customer_id,
    user_id: accounts.user_id,
  }
}

const guards = new WeakMap<MedusaRequest, PasswordGuard>()

/** The request's password guard (one per request, made on first use). */
export function passwordGuard(req: MedusaRequest, res: GuardedResponse): PasswordGuard {
  let guard = guards.get(req)
  if (!guard) {
    guard = new PasswordGuard(req, res)
    guards.set(req, guard)
  }
  return guard
}
