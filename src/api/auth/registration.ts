import type { AuthenticationInput, AuthenticationResponse, IAuthModuleService, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { canonicalEmail, emailSyntaxError } from "../../lib/identity"
import { EMAILPASS_PROVIDER, type EmailpassIdentity } from "../../lib/identity/auth-identity"
import { normalizePassword, type PasswordValidationResult } from "../../lib/password-policy"
import { PasswordPolicyError, recordNewPasswordWorkflow } from "../../workflows/customer-password"
import { accountSecurity } from "../utils/account-security"
import { credentialsOf, routeActorType, withBody, withNormalizedPassword } from "./emailpass-body"
import { assertIdentifier } from "./errors"
import type { LoginLockout } from "./lockout-flow"
import { vetPasswordFor } from "./new-password"

/**
 * The emailpass provider's answer when the e-mail of a registration has an
 * identity already (`register`: `{ success: false, error }`, which Medusa's
 * register route throws as a 401 `unauthorized`). A look-alike gets exactly
 * this answer, so a refusal says nothing Medusa's own answer does not.
 */
export const IDENTITY_EXISTS = "Identity with email already exists"

/**
 * What an emailpass registration of an e-mail and password may do, decided
 * by {@link decideRegistration} for both the HTTP middleware (which answers
 * refusals before Medusa's handler runs) and the guarded auth module:
 *
 * - `login`: an identity has this exact `entity_id` and no actor: Medusa's
 *   provider checks the password and logs it in, so this is a login attempt
 *   (the lockout admits and settles it);
 * - `existing`: an identity with an actor has this exact `entity_id`:
 *   Medusa's provider answers {@link IDENTITY_EXISTS};
 * - `taken`: another identity holds the canonical form (a look-alike):
 *   refused with {@link IDENTITY_EXISTS};
 * - `refused`: a new identity whose password fails the policy (400);
 * - `new`: no identity holds the canonical form and the password passes;
 *   the registration must still win the claim of it (see
 *   {@link registerUnderClaim}) against a concurrent one.
 *
 * A malformed address is a 400 before anything is looked up, so that
 * answer does not depend on whether an identity exists.
 */
export type RegistrationDecision =
  | { kind: "login"; identity: EmailpassIdentity }
  | { kind: "existing"; identity: EmailpassIdentity }
  | { kind: "taken" }
  | { kind: "refused"; verdict: PasswordValidationResult }
  | { kind: "new"; email: string; canonical: string }

type Holder = Exclude<RegistrationDecision, { kind: "refused" }>

/** Who holds each e-mail, looked up once per request. */
const holders = new WeakMap<LoginLockout, Map<string, Promise<Holder>>>()

export async function decideRegistration(
  lockout: LoginLockout,
  email: string,
  password: string
): Promise<RegistrationDecision> {
  assertIdentifier("email", email)
  const reason = emailSyntaxError(email)
  if (reason) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `email: ${reason}`)
  }
  let perRequest = holders.get(lockout)
  if (!perRequest) {
    perRequest = new Map()
    holders.set(lockout, perRequest)
  }
  if (!perRequest.has(email)) {
    perRequest.set(email, holderOf(lockout, email))
  }
  const holder = await perRequest.get(email)!
  if (holder.kind !== "new") {
    return holder
  }
  const verdict = await vetPasswordFor(lockout.req.scope, holder.email, password)
  return verdict.valid ? holder : { kind: "refused", verdict }
}

async function holderOf(lockout: LoginLockout, email: string): Promise<Holder> {
  const identity = await lockout.identity(email)
  if (identity) {
    return Object.keys(identity.app_metadata).length === 0 ? { kind: "login", identity } : { kind: "existing", identity }
  }
  // A new identity is stored trimmed (surrounding space is no part of an address).
  const stored = email.trim()
  const canonical = canonicalEmail(email)
  const taken = await accountSecurity(lockout.req.scope).identities.isTakenByAnother(canonical, stored)
  if (taken) {
    return { kind: "taken" }
  }
  if (stored !== email && (await lockout.identity(stored))) {
    return { kind: "taken" }
  }
  return { kind: "new", email: stored, canonical }
}

/**
 * `register` of the guarded auth module, as {@link decideRegistration}
 * decides it; a new identity is created under its claim and the history
 * records its password.
 */
export async function registerWithPolicy(
  lockout: LoginLockout,
  auth: IAuthModuleService,
  provider: string,
  data: AuthenticationInput
): Promise<AuthenticationResponse> {
  const credentials = provider === EMAILPASS_PROVIDER ? credentialsOf(data) : null
  if (!credentials) {
    return auth.register(provider, data)
  }
  const { email, password } = credentials
  const decision = await decideRegistration(lockout, email, password)
  switch (decision.kind) {
    case "login":
      // The provider answers a wrong password with "Identity with email already exists".
      return lockout.verify(
        routeActorType(lockout.req),
        email,
        password,
        () => auth.register(provider, withNormalizedPassword(data, password)),
        (result) => !result.success
      )
    case "existing":
      return auth.register(provider, data)
    case "taken":
      return { success: false, error: IDENTITY_EXISTS }
    case "refused":
      throw new PasswordPolicyError(decision.verdict)
    case "new": {
      const scope = lockout.req.scope
      const result = await registerUnderClaim(scope, decision, (stored) =>
        auth.register(provider, withBody(data, { email: stored, password: normalizePassword(password) }))
      )
      if (result.success) {
        await recordNewPasswordWorkflow(scope).run({ input: { entity_id: decision.email, reason: "registration" } })
      }
      return result
    }
  }
}

/**
 * Creates a new identity under its claim: claims the canonical form (of
 * concurrent registrations of look-alikes exactly one wins; the others get
 * {@link IDENTITY_EXISTS}), runs Medusa's registration, names the identity
 * on the claim, and gives the claim back if Medusa did not create it.
 */
async function registerUnderClaim(
  scope: MedusaContainer,
  decision: Extract<RegistrationDecision, { kind: "new" }>,
  register: (email: string) => Promise<AuthenticationResponse>
): Promise<AuthenticationResponse> {
  const claims = accountSecurity(scope).identities
  if (!(await claims.claim(decision.canonical, decision.email))) {
    return { success: false, error: IDENTITY_EXISTS }
  }
  let result: AuthenticationResponse
  try {
    result = await register(decision.email)
  } catch (error) {
    await claims.release(decision.canonical, decision.email)
    throw error
  }
  if (result.success && result.authIdentity?.id) {
    await claims.confirm(decision.canonical, decision.email, result.authIdentity.id)
  } else {
    await claims.release(decision.canonical, decision.email)
  }
  return result
}
