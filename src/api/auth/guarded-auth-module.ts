import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { asValue } from "@medusajs/framework/awilix"
import type {
  AuthTypes,
  AuthenticationInput,
  AuthenticationResponse,
  IAuthModuleService,
} from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { normalizePassword } from "../../lib/password-policy/normalize"
import { CustomerAccountEvents } from "../../lib/events"
import { EMAIL_ENTITY_TYPE } from "../../lib/email/verification"
import { isEmailChangeVerification } from "../../lib/email/email-change"
import { changeLoginEmailWorkflow } from "../../workflows/customer-email/workflows/change-login-email"
import {
  customerIdOfIdentity,
  EMAILPASS_PROVIDER,
  findEmailpassIdentityOf,
  POLICY_CHECKED,
} from "../../lib/identity/auth-identity"
import { providePasswordVerdicts } from "../../lib/password-policy/password-vetting"
import { PasswordPolicyError, recordNewPasswordWorkflow } from "../../workflows/customer-password"
import { passwordGuard, type PasswordGuard } from "./password-guard"
import { currentSession } from "./session-gate"
import { claimAndRegister, decideRegistration, IDENTITY_EXISTS } from "./registration"

type Credentials = { email: string; password: string }

/** Medusa's login route also passes the route's actor type (its type omits it). */
export type GuardedAuthenticationInput = AuthenticationInput & { actor_type?: unknown }

/** An emailpass request body with the password in the form that is hashed (normalize.ts). */
function withPassword<T extends { body?: Record<string, unknown> }>(data: T, password: string): T {
  return { ...data, body: { ...(data.body ?? {}), password } }
}

/** A password update whose password (if any) is in the form that is hashed. */
function normalizedUpdate<T extends { password?: unknown }>(update: T): T {
  return typeof update.password === "string" ? { ...update, password: normalizePassword(update.password) } : update
}

/** The e-mail and password of an emailpass request body, when both are strings. */
function credentialsOf(data: AuthenticationInput | undefined): Credentials | null {
  const { email, password } = (data?.body ?? {}) as Record<string, unknown>
  return typeof email === "string" && typeof password === "string" ? { email, password } : null
}

/** Medusa's auth module generates this for its `AuthVerification` model; its service type leaves it out. */
type VerificationStore = IAuthModuleService & { updateAuthVerifications(data: Record<string, unknown>): Promise<unknown> }

type PasswordUpdate = Record<string | symbol, unknown> & { entity_id?: unknown; password?: unknown }

/**
 * Medusa's auth module as one request sees it: the three calls that make the
 * emailpass provider check or store a password pass through the request's
 * {@link PasswordGuard}, whatever route (or custom code) makes them:
 *
 * - `authenticate`: admit, check, settle (the lockout), for every actor type;
 * - `register`: decided by `decideRegistration` (registration.ts): a
 *   malformed address is a 400, a look-alike of an existing identity gets
 *   Medusa's "already exists"; for an identity that exists without an actor
 *   the provider checks the password, so that is a login attempt; a new
 *   identity's password passes the policy first, its canonical form is
 *   claimed around Medusa's registration, and the history records it after;
 * - `updateProvider` with a password: the policy (and history) first; then
 *   reset links are voided, the history records it and, when a valid reset
 *   token led here, the lock is lifted (`recordNewPasswordWorkflow`).
 *
 * Every other member is the module's own. Calls from the plugin's password
 * workflows carry {@link POLICY_CHECKED} (their own steps do the same work).
 */
export function guardedAuthModule(
  auth: IAuthModuleService,
  req: MedusaRequest,
  guard: PasswordGuard
): IAuthModuleService {
  const routeActorType = () => String(req.params?.actor_type ?? "customer")

  const authenticate = async (
    provider: string,
    data: GuardedAuthenticationInput
  ): Promise<AuthenticationResponse> => {
    const credentials = provider === EMAILPASS_PROVIDER ? credentialsOf(data) : null
    if (!credentials) {
      // Not a password check: another provider, or a body the provider refuses unread.
      return auth.authenticate(provider, data)
    }
    const actorType = typeof data.actor_type === "string" ? data.actor_type : routeActorType()
    const normalized = normalizePassword(credentials.password)
    return guard.verify(actorType, credentials.email, credentials.password, async () => {
      const result = await auth.authenticate(provider, withPassword(data, normalized))
      // A hash stored before normalization holds the password as typed
      // (normalize.ts): one more check, only for passwords NFKC changes.
      return result.success || normalized === credentials.password ? result : auth.authenticate(provider, data)
    })
  }

  const register = async (provider: string, data: AuthenticationInput): Promise<AuthenticationResponse> => {
    const credentials = provider === EMAILPASS_PROVIDER ? credentialsOf(data) : null
    if (!credentials) {
      return auth.register(provider, data)
    }
    const { email, password } = credentials
    const decision = await decideRegistration(req.scope, guard, email)
    if (decision.kind === "existing") {
      // The provider checks the password only for an identity without an
      // actor (and then logs it in); otherwise it answers "already exists".
      // It answers a mismatch with "Identity with email already exists".
      return Object.keys(decision.identity.app_metadata).length === 0
        ? guard.verify(
            routeActorType(),
            email,
            password,
            () => auth.register(provider, withPassword(data, normalizePassword(password))),
            (result) => !result.success
          )
        : auth.register(provider, data)
    }
    if (decision.kind === "taken") {
      return { success: false, error: IDENTITY_EXISTS }
    }
    const verdict = await guard.vetNewPassword(decision.email, password)
    if (!verdict.valid) {
      throw new PasswordPolicyError(verdict)
    }
    const result = await claimAndRegister(req.scope, decision, (stored) =>
      auth.register(provider, withPassword({ ...data, body: { ...(data.body ?? {}), email: stored } }, normalizePassword(password)))
    )
    if (result.success) {
      await recordNewPasswordWorkflow(req.scope).run({ input: { entity_id: decision.email, reason: "registration" } })
    }
    return result
  }

  const updateProvider = async (provider: string, data: PasswordUpdate): Promise<AuthenticationResponse> => {
    if (data?.[POLICY_CHECKED]) {
      const { [POLICY_CHECKED]: _checked, ...update } = data
      return auth.updateProvider(provider, normalizedUpdate(update))
    }
    const { entity_id: entityId, password } = data ?? {}
    if (provider !== EMAILPASS_PROVIDER || typeof password !== "string" || typeof entityId !== "string") {
      // Sets no password (the provider answers success without one).
      return auth.updateProvider(provider, data)
    }
    const verdict = await guard.vetNewPassword(entityId, password)
    if (!verdict.valid) {
      throw new PasswordPolicyError(verdict)
    }
    const result = await auth.updateProvider(provider, normalizedUpdate(data))
    if (result.success) {
      await recordNewPasswordWorkflow(req.scope).run({
        input: {
          entity_id: entityId,
          reason: guard.resetCompletionFor === entityId ? "password_reset" : "update",
        },
      })
    }
    return result
  }

  /** The customer whose login a confirmed verification moves (the identity's own account), if it is a change. */
  const changingCustomer = async (verification: AuthTypes.AuthVerificationDTO): Promise<string | null> => {
    if (verification.entity_type !== EMAIL_ENTITY_TYPE || !isEmailChangeVerification(req.scope, verification)) {
      return null
    }
    return customerIdOfIdentity(req.scope, verification.auth_identity_id)
  }

  /**
   * Medusa's verification confirm emits nothing: once an address is
   * confirmed, `customer_account.email_verified` says so (after the answer's
   * work, never failing it).
   */
  const confirmAuthVerification: IAuthModuleService["confirmAuthVerification"] = async (data, sharedContext) => {
    const confirmed = await auth.confirmAuthVerification(data, sharedContext)
    const customerId = confirmed?.verified_at ? await changingCustomer(confirmed) : null
    if (customerId) {
      // The new address is confirmed: the login moves to it, or the
      // confirmation is taken back (the address was taken meanwhile), so the
      // two never disagree.
      try {
        await changeLoginEmailWorkflow(req.scope).run({
          input: {
            auth_identity_id: confirmed.auth_identity_id,
            customer_id: customerId,
            to: confirmed.entity_id,
            keep_session_id: currentSession(req)?.id ?? null,
          },
        })
      } catch (error) {
        await (auth as VerificationStore).updateAuthVerifications({ id: confirmed.id, verified_at: null })
        throw error
      }
    }
    if (confirmed?.verified_at && confirmed.entity_type === EMAIL_ENTITY_TYPE) {
      // Straight on the bus: the write was Medusa's own confirmation, done.
      await req.scope
        .resolve(Modules.EVENT_BUS)
        .emit({
          name: CustomerAccountEvents.EMAIL_VERIFIED,
          data: {
            event_id: randomUUID(),
            entity_id: confirmed.entity_id,
            auth_identity_id: confirmed.auth_identity_id,
            verified_at: new Date(confirmed.verified_at).toISOString(),
          },
        })
        .catch(() => undefined)
    }
    return confirmed
  }

  /**
   * The second factor of a login: an MFA challenge's code passes the same
   * lockout as the password of the identity's emailpass login (identities
   * without one are Medusa's alone).
   */
  const verifyAuthMfaChallenge: IAuthModuleService["verifyAuthMfaChallenge"] = async (data, sharedContext) => {
    const authContext = (req as Partial<AuthenticatedMedusaRequest>).auth_context
    const identityId = data.auth_identity_id ?? authContext?.auth_identity_id
    const login = identityId ? await findEmailpassIdentityOf(req.scope, identityId) : null
    if (!login) {
      return auth.verifyAuthMfaChallenge(data, sharedContext)
    }
    return guard.verifySecondFactor(
      authContext?.actor_type || "customer",
      login,
      { method: String(data.method ?? ""), code: String(data.code ?? "") },
      () => auth.verifyAuthMfaChallenge(data, sharedContext)
    )
  }

  const guarded: Partial<IAuthModuleService> = {
    authenticate,
    register,
    updateProvider,
    confirmAuthVerification,
    verifyAuthMfaChallenge,
  }
  return new Proxy(auth, {
    get(target, property) {
      if (Object.prototype.hasOwnProperty.call(guarded, property)) {
        return guarded[property as keyof typeof guarded]
      }
      const value = Reflect.get(target, property, target)
      return typeof value === "function" ? value.bind(target) : value
    },
  })
}

/**
 * Runs first on every request (a global middleware): the request's scope
 * resolves Medusa's auth module as {@link guardedAuthModule}, so every route
 * handler, workflow step or custom route of this request that checks or sets
 * an emailpass password passes the guard, and gets a password-verdict cache
 * (lib/password-policy/password-vetting).
 */
export function installPasswordGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const auth = req.scope.resolve(Modules.AUTH)
  const guard = passwordGuard(req, res)
  req.scope.register(Modules.AUTH, asValue(guardedAuthModule(auth, req, guard)))
  // Medusa's error handler gives every 403 the type "forbidden"; a refusal
  // of the guard's own (email_not_verified) keeps its type.
  // (Custom code may install the guard on a response without `json`.)
  if (typeof res.json === "function") {
    const json = res.json.bind(res)
    res.json = (body: unknown) => json(guard.refusal && res.statusCode === 403 ? guard.refusal : body)
  }
  providePasswordVerdicts(req.scope)
  next()
}
