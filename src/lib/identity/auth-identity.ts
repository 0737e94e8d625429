import { createHash } from "node:crypto"
import type {
  AuthIdentityDTO,
  FilterableCustomerProps,
  FilterableUserProps,
  IAuthModuleService,
  MedusaContainer,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { isResetTokenHashLive } from "../medusa-tables"
import { canonicalEmail } from "./index"

export const EMAILPASS_PROVIDER = "emailpass"

/**
 * Normalized form of a login identifier: its canonical e-mail form
 * (lib/identity: trimmed, NFC, lower-cased).
 */
export function normalizeIdentifier(identifier: string): string {
  return canonicalEmail(identifier)
}

export type EmailpassIdentity = {
  auth_identity_id: string
  entity_id: string
  password_hash: string | null
  /** The actors the identity is linked to (`customer_id`, `user_id`, …). */
  app_metadata: Record<string, unknown>
}

/**
 * The emailpass identity registered under an e-mail, if any. The provider
 * looks e-mails up exactly as sent, and so does this.
 */
export async function findEmailpassIdentity(
  scope: MedusaContainer,
  email: string
): Promise<EmailpassIdentity | null> {
  const authModule = scope.resolve(Modules.AUTH)
  const [identity] = await authModule.listProviderIdentities(
    { entity_id: email, provider: EMAILPASS_PROVIDER },
    {
      select: ["auth_identity_id", "entity_id", "provider_metadata", "auth_identity.app_metadata"],
      relations: ["auth_identity"],
    }
  )
  if (!identity?.auth_identity_id) {
    return null
  }
  const hash = identity.provider_metadata?.password
  return {
    auth_identity_id: identity.auth_identity_id,
    entity_id: identity.entity_id,
    password_hash: typeof hash === "string" ? hash : null,
    app_metadata: identity.auth_identity?.app_metadata ?? {},
  }
}

/** The emailpass login of an auth identity (an MFA challenge names the identity, not the e-mail). */
export async function findEmailpassIdentityOf(
  scope: MedusaContainer,
  authIdentityId: string
): Promise<EmailpassIdentity | null> {
  const [identity] = await scope
    .resolve(Modules.AUTH)
    .listProviderIdentities({ auth_identity_id: authIdentityId, provider: EMAILPASS_PROVIDER }, { select: ["entity_id"] })
  return identity?.entity_id ? findEmailpassIdentity(scope, identity.entity_id) : null
}

/**
 * The customer account an auth identity is linked to (`app_metadata.customer_id`),
 * for events and verifications that name the identity, not an e-mail.
 */
export async function customerIdOfIdentity(scope: MedusaContainer, authIdentityId: string): Promise<string | null> {
  const [identity] = await scope
    .resolve(Modules.AUTH)
    .listAuthIdentities({ id: [authIdentityId] }, { select: ["app_metadata"] })
  const customerId = identity?.app_metadata?.customer_id
  return typeof customerId === "string" && customerId ? customerId : null
}

/** An account an auth identity may be linked to: a customer or a Back Office user. */
export type ActorRef = { customer_id: string } | { user_id: string }

/**
 * The auth identities an account signs in with (`app_metadata.customer_id`
 * or `user_id`): usually one; a customer may also have a social login.
 * `withLogins` loads their provider identities too. Medusa's auth module
 * filters the JSON field itself, as its own `removeCustomerAccountWorkflow`
 * does.
 */
export async function identitiesOfActor(
  scope: MedusaContainer,
  actor: ActorRef,
  { withLogins = false }: { withLogins?: boolean } = {}
): Promise<AuthIdentityDTO[]> {
  const app_metadata = "customer_id" in actor ? { customer_id: actor.customer_id } : { user_id: actor.user_id }
  return scope
    .resolve(Modules.AUTH)
    .listAuthIdentities({ app_metadata }, withLogins ? { relations: ["provider_identities"] } : { select: ["id"] })
}

/** The actor id an identity is linked to for an actor type (`customer_id`, `user_id`). */
export function actorIdOf(identity: EmailpassIdentity | null, actorType: string): string | null {
  const id = identity?.app_metadata[`${actorType}_id`]
  return typeof id === "string" && id ? id : null
}

/**
 * Whether Medusa would still accept a password-reset token: its `jti` has an
 * unspent, unexpired row for this emailpass identity. Read-only, so a
 * request the policy then refuses leaves the token usable.
 *
 * Medusa's auth module offers no read of its reset tokens short of consuming
 * them, so this reads its `auth_password_reset_token` table, the way its
 * `consumePasswordResetToken` finds a token: by the SHA-256 of the `jti`
 * (lib/medusa-tables, whose spec names a column Medusa renamed).
 */
export async function isResetTokenLive(
  scope: MedusaContainer,
  jti: string,
  entityId: string
): Promise<boolean> {
  return isResetTokenHashLive(scope.resolve(ContainerRegistrationKeys.PG_CONNECTION), {
    token_hash: createHash("sha256").update(jti).digest("hex"),
    entity_id: entityId,
    // The system clock, not the project's: Medusa checks the token's own
    // expiry against it, and both must agree.
    now: new Date(),
  })
}

/**
 * Voids every outstanding reset token of an emailpass identity, with
 * Medusa's own API: issuing a token invalidates the identity's earlier ones,
 * and consuming it spends the last. Returns false when the identity has no
 * emailpass provider identity (nothing to void).
 */
export async function voidPasswordResetTokens(
  authModule: IAuthModuleService,
  entityId: string
): Promise<boolean> {
  const [identity] = await authModule.listProviderIdentities(
    { entity_id: entityId, provider: EMAILPASS_PROVIDER },
    { select: ["id"] }
  )
  if (!identity) {
    return false
  }
  const { jti } = await authModule.createPasswordResetToken({
    provider: EMAILPASS_PROVIDER,
    entity_id: entityId,
    ttl_seconds: 60,
  })
  await authModule.consumePasswordResetToken({ jti, provider: EMAILPASS_PROVIDER, entity_id: entityId })
  return true
}

/** The accounts an identifier belongs to (whose lockout block limits it: `LockoutService.ownerOf`). */
export type IdentifierAccounts = {
  customer_id: string | null
  user_id: string | null
}

const likeExactly = (value: string) => value.replace(/[\\%_]/g, "\\$&")

/**
 * The customer account and the Back Office user behind a login identifier:
 * those the emailpass identity of `email` is linked to, else those whose
 * e-mail matches the identifier without regard to case (a lock counts the
 * normalized identifier, whatever case the attempt used). A Back Office
 * user's identity is limited by the Back Office block.
 */
export async function accountsOf(
  scope: MedusaContainer,
  email: string,
  identity?: EmailpassIdentity | null
): Promise<IdentifierAccounts> {
  const found = identity === undefined ? await findEmailpassIdentity(scope, email) : identity
  let customerId = actorIdOf(found, "customer")
  let userId = actorIdOf(found, "user")
  if (!found) {
    // Operators pass through to the ORM; the filter types only name equality.
    const email_ = { $ilike: likeExactly(normalizeIdentifier(email)) } as unknown as string
    const customerFilter: FilterableCustomerProps = { email: email_, has_account: true }
    const userFilter: FilterableUserProps = { email: email_ }
    const [[customer], [user]] = await Promise.all([
      scope.resolve(Modules.CUSTOMER).listCustomers(customerFilter, { select: ["id"], take: 1 }),
      scope.resolve(Modules.USER).listUsers(userFilter, { select: ["id"], take: 1 }),
    ])
    customerId = customer?.id ?? null
    userId = user?.id ?? null
  }
  return { customer_id: customerId, user_id: userId }
}

/**
 * Marks an `updateProvider` call whose password a workflow of this plugin
 * already checked against the policy (and whose follow-up steps void reset
 * links and keep the history), so the guarded auth module does not do it a
 * second time. A symbol: no request body can carry it.
 */
export const POLICY_CHECKED = Symbol.for("medusa-customer-accounts.policy-checked")

/**
 * Whose failed-login state an attempt on `email` is: the key of its
 * `login_throttle` row, and the identity behind it (issue 21). The identity
 * the provider checks (`entity_id` exactly as sent), else the identity that
 * holds the canonical form (a spelling the provider does not know, counted
 * for the account it imitates), else the canonical string (no identity).
 * Identity keys are auth identity ids (`authid_` + an upper-case ULID), which
 * no canonical (lower-cased) string can equal.
 */
export type LockoutSubject = {
  key: string
  /** The canonical e-mail, as attempts and events name the identifier. */
  identifier: string
  auth_identity_id: string | null
  app_metadata: Record<string, unknown>
}

export function lockoutSubjectOf(
  email: string,
  exact: EmailpassIdentity | null,
  holder: { auth_identity_id: string; app_metadata: Record<string, unknown> } | null
): LockoutSubject {
  const identifier = canonicalEmail(email)
  const identity = exact ?? holder
  return identity
    ? { key: identity.auth_identity_id, identifier, auth_identity_id: identity.auth_identity_id, app_metadata: identity.app_metadata }
    : { key: identifier, identifier, auth_identity_id: null, app_metadata: {} }
}

/** The customer and Back Office user of a subject, from its identity only (never by e-mail). */
export function accountsOfSubject(subject: LockoutSubject): IdentifierAccounts {
  const id = (actor: string) => {
    const value = subject.app_metadata[`${actor}_id`]
    return typeof value === "string" && value ? value : null
  }
  return { customer_id: id("customer"), user_id: id("user") }
}
