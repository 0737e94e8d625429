import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { canonicalEmail, emailSyntaxError } from "../../lib/identity"
import type { EmailpassIdentity } from "../../lib/identity/auth-identity"
import { accountSecurity } from "../utils/account-security"
import { assertIdentifier, type PasswordGuard } from "./password-guard"

/**
 * The emailpass provider's answer when the e-mail of a registration has an
 * identity already (`register`: `{ success: false, error }`, which Medusa's
 * register route throws as a 401 `unauthorized`). A look-alike gets exactly
 * this answer, so a refusal says nothing Medusa's own answer does not.
 */
export const IDENTITY_EXISTS = "Identity with email already exists"

/**
 * What an emailpass registration of an e-mail may do, decided once per
 * request for both the HTTP middleware and the guarded auth module:
 *
 * - `existing`: an identity has this exact `entity_id`; Medusa's provider
 *   decides (it logs an actorless identity in with its password, and
 *   answers {@link IDENTITY_EXISTS} otherwise);
 * - `taken`: another identity holds the canonical form (a look-alike):
 *   refused with {@link IDENTITY_EXISTS};
 * - `new`: no identity holds the canonical form; the registration must still
 *   win the claim of it (see {@link claimAndRegister}) against a concurrent one.
 *
 * A malformed address is a 400 before anything is looked up, so that
 * answer does not depend on whether an identity exists.
 */
export type RegistrationDecision =
  | { kind: "existing"; identity: EmailpassIdentity }
  | { kind: "taken" }
  | { kind: "new"; email: string; canonical: string }

const decisions = new WeakMap<PasswordGuard, Map<string, Promise<RegistrationDecision>>>()

export function decideRegistration(
  scope: MedusaContainer,
  guard: PasswordGuard,
  email: string
): Promise<RegistrationDecision> {
  assertIdentifier("email", email)
  const reason = emailSyntaxError(email)
  if (reason) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `email: ${reason}`)
  }
  let perRequest = decisions.get(guard)
  if (!perRequest) {
    perRequest = new Map()
    decisions.set(guard, perRequest)
  }
  if (!perRequest.has(email)) {
    perRequest.set(email, decide(scope, guard, email))
  }
  return perRequest.get(email)!
}

async function decide(scope: MedusaContainer, guard: PasswordGuard, email: string): Promise<RegistrationDecision> {
  const identity = await guard.identity(email)
  if (identity) {
    return { kind: "existing", identity }
  }
  // A new identity is stored trimmed (surrounding space is no part of an address).
  const stored = email.trim()
  const canonical = canonicalEmail(email)
  const taken = await accountSecurity(scope).identities.isTakenByAnother(canonical, stored)
  if (taken) {
    return { kind: "taken" }
  }
  if (stored !== email && (await guard.identity(stored))) {
    return { kind: "taken" }
  }
  return { kind: "new", email: stored, canonical }
}

/**
 * Creates a new identity under its claim: claims the canonical form (of
 * concurrent registrations of look-alikes exactly one wins; the others get
 * {@link IDENTITY_EXISTS}), runs Medusa's registration, names the identity
 * on the claim, and gives the claim back if Medusa did not create it.
 */
export async function claimAndRegister<T extends { success: boolean; error?: string; authIdentity?: { id: string } }>(
  scope: MedusaContainer,
  decision: Extract<RegistrationDecision, { kind: "new" }>,
  register: (email: string) => Promise<T>
): Promise<T | { success: false; error: string }> {
  const claims = accountSecurity(scope).identities
  if (!(await claims.claim(decision.canonical, decision.email))) {
    return { success: false, error: IDENTITY_EXISTS }
  }
  let result: T
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
