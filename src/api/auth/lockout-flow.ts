import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AuthenticationResponse, IAuthModuleService } from "@medusajs/framework/types"
import { burnPasswordCheck, emailpassHashParams, normalizePassword } from "../../lib/password-policy"
import type { LoginAdmission } from "../../modules/account-security/service"
import {
  EMAILPASS_PROVIDER,
  findEmailpassIdentity,
  lockoutSubjectOf,
  normalizeIdentifier,
  type EmailpassIdentity,
  type LockoutSubject,
} from "../../lib/identity/auth-identity"
import { accountSecurity } from "../utils/account-security"
import { screenLoginPassword } from "./breached-login"
import { requestIp } from "./client-ip"
import { credentialsOf, routeActorType, withNormalizedPassword, type GuardedAuthenticationInput } from "./emailpass-body"
import { assertIdentifier, TooManyAttemptsError } from "./errors"
import {
  ownerOf,
  routeKind,
  settleLoginAttempt,
  type Factor,
  type LoginAttemptContext,
  type SettledOutcome,
} from "./login-settlement"
import { awaitsVerification, refuseUnverified } from "./verification-gate"

/** What the lockout needs of a response: to add Retry-After, and to know when it ends. */
export type GuardedResponse = {
  setHeader(name: string, value: string): unknown
  on(event: "close", listener: () => void): unknown
}

/** The emailpass provider's answer to a wrong password or an unknown e-mail. */
const WRONG_CREDENTIALS = "Invalid email or password"

/**
 * The lockout of one request: every check of an emailpass password (or of
 * an MFA code, mfa-guard.ts) is admitted, checked and settled here. The HTTP
 * middlewares ask {@link LoginLockout.admit} first, to answer refusals
 * before Medusa's handler runs; the guarded auth module asks again where the
 * provider is called, and gets the same answer. One per request
 * ({@link loginLockout}).
 */
export class LoginLockout {
  protected readonly admissions = new Map<string, Promise<LoginAdmission>>()
  protected readonly settled = new Set<string>()
  protected readonly identities = new Map<string, Promise<EmailpassIdentity | null>>()
  protected readonly subjects = new Map<string, Promise<LockoutSubject>>()
  protected readonly attempts = new Map<string, LoginAttemptContext>()
  /**
   * Set by routes that check the current password of a logged-in customer
   * (changing it): a right password there is no login, so it emits no
   * `login_succeeded`, passes the verification gate and is not screened (a
   * wrong one still counts and is reported).
   */
  reauthentication = false

  constructor(
    readonly req: MedusaRequest,
    protected readonly res: GuardedResponse
  ) {}

  protected get security() {
    return accountSecurity(this.req.scope)
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
  protected subject(email: string): Promise<LockoutSubject> {
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
  protected attempt(actorType: string, email: string): LoginAttemptContext {
    assertIdentifier("email", email)
    const key = `${actorType}\u0000${email}`
    if (!this.attempts.has(key)) {
      this.attempts.set(key, {
        identifier: normalizeIdentifier(email),
        key: normalizeIdentifier(email),
        auth_identity_id: null,
        subject: null,
        actor_type: actorType,
        ip: requestIp(this.req),
        user_agent: this.req.get("user-agent") ?? null,
        attempted_at: this.security.now(),
      })
    }
    return this.attempts.get(key)!
  }

  /**
   * Admits (or refuses) one check of `email` through a route of `actorType`:
   * the lockout's single atomic statement. Asked twice in a request, answers
   * the same without counting twice. An admitted attempt that never reaches
   * a verdict is given back when the response ends.
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
        return this.security.lockout.admit(subject.key, attempt.ip, routeKind(actorType), ownerOf(this.security, attempt))
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

  /** Admits a check where the provider is called: a refusal throws 429 with Retry-After. */
  async admitted(actorType: string, email: string): Promise<LoginAttemptContext> {
    const admission = await this.admit(actorType, email)
    if (!admission.admitted) {
      this.res.setHeader("Retry-After", String(admission.retryAfterSeconds))
      throw new TooManyAttemptsError()
    }
    return this.attempt(actorType, email)
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
    const attempt = await this.admitted(actorType, email)
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
      const params = emailpassHashParams(this.req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).modules)
      await burnPasswordCheck(password, params)
      if (normalizePassword(password) !== password) {
        // A known identity's login checks such a password twice (the form as
        // typed, for hashes stored before normalization): so does this one.
        await burnPasswordCheck(password, params)
      }
    }
    const customerLogin = routeKind(actorType) === "customer" && !this.reauthentication
    if (result.success && found && customerLogin && (await awaitsVerification(this.req, "customer", found))) {
      this.settleLater(attempt, "unverified", found)
      throw refuseUnverified(this.req)
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
    if (result.success && found && customerLogin) {
      screenLoginPassword(this.req.scope, found, password)
    }
    return result
  }

  /**
   * Settles in the next turn of the event loop (login-settlement.ts): the
   * answer is on its way first. The attempt is marked settled at once, so
   * it is settled once.
   */
  settleLater(
    attempt: LoginAttemptContext,
    outcome: SettledOutcome,
    identity?: EmailpassIdentity | null,
    factor: Factor = "password"
  ): void {
    if (this.settled.has(attempt.identifier)) {
      return
    }
    this.settled.add(attempt.identifier)
    const settlement = { outcome, identity, factor, reauthentication: this.reauthentication }
    setImmediate(() => void settleLoginAttempt(this.req.scope, attempt, settlement))
  }
}

const lockouts = new WeakMap<MedusaRequest, LoginLockout>()

/** The request's lockout (one per request, made on first use). */
export function loginLockout(req: MedusaRequest, res: GuardedResponse): LoginLockout {
  let lockout = lockouts.get(req)
  if (!lockout) {
    lockout = new LoginLockout(req, res)
    lockouts.set(req, lockout)
  }
  return lockout
}

/**
 * `authenticate` of the guarded auth module: an emailpass password check
 * passes the lockout flow, for every actor type (the route's, or the one
 * the caller names).
 */
export function authenticateWithLockout(
  lockout: LoginLockout,
  auth: IAuthModuleService,
  provider: string,
  data: GuardedAuthenticationInput
): Promise<AuthenticationResponse> {
  const credentials = provider === EMAILPASS_PROVIDER ? credentialsOf(data) : null
  if (!credentials) {
    // Not a password check: another provider, or a body the provider refuses unread.
    return auth.authenticate(provider, data)
  }
  const actorType = typeof data.actor_type === "string" ? data.actor_type : routeActorType(lockout.req)
  const { email, password } = credentials
  return lockout.verify(actorType, email, password, async () => {
    const result = await auth.authenticate(provider, withNormalizedPassword(data, password))
    // A hash stored before normalization holds the password as typed
    // (normalize.ts): one more check, only for passwords NFKC changes.
    return result.success || normalizePassword(password) === password ? result : auth.authenticate(provider, data)
  })
}
