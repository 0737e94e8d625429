import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { requestVerificationWorkflow } from "@medusajs/medusa/core-flows"
import { accountsOf, customerIdOfIdentity, findEmailpassIdentity, normalizeIdentifier } from "../identity/auth-identity"

/** Medusa's verification `entity_type` for e-mail addresses. */
export const EMAIL_ENTITY_TYPE = "email"
/** Medusa's built-in verification provider (a single-use token, 15 minutes by default). */
export const TOKEN_CODE_PROVIDER = "token"

/**
 * Asks Medusa to verify a customer account's e-mail address: its own
 * `requestVerificationWorkflow` stores a fresh token (the previous one stops
 * working) and emits `auth.verification_requested`, on which the plugin
 * e-mails the link. Does nothing for an address without an emailpass
 * identity or one already verified. Returns whether a request was made.
 */
export async function requestEmailVerification(container: MedusaContainer, email: string): Promise<boolean> {
  const identity = (await findEmailpassIdentity(container, email)) ?? (await findEmailpassIdentity(container, normalizeIdentifier(email)))
  if (!identity) {
    return false
  }
  if ((await emailVerificationRow(container, identity))?.verified_at) {
    return false
  }
  await requestVerificationWorkflow(container).run({
    input: {
      auth_identity_id: identity.auth_identity_id,
      entity_id: identity.entity_id,
      entity_type: EMAIL_ENTITY_TYPE,
      code_provider: TOKEN_CODE_PROVIDER,
    },
  })
  return true
}

/** The customer account behind an address (found as the lockout finds it), for the e-mail's greeting and locale. */
export async function customerAccountOf(
  container: MedusaContainer,
  email: string
): Promise<{ id: string; first_name: string | null } | null> {
  const { customer_id } = await accountsOf(container, email)
  if (!customer_id) {
    return null
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["id", "first_name"],
    filters: { id: customer_id },
  })
  return data[0] ? { id: data[0].id, first_name: data[0].first_name ?? null } : null
}

/** The customer account an auth identity is linked to (an address change names the identity, not the new address). */
export async function customerOfIdentity(
  container: MedusaContainer,
  authIdentityId: string
): Promise<{ id: string; first_name: string | null } | null> {
  const customerId = await customerIdOfIdentity(container, authIdentityId)
  if (!customerId) {
    return null
  }
  const [customer] = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: customerId }, { select: ["id", "first_name"] })
  return customer ? { id: customer.id, first_name: customer.first_name ?? null } : null
}

/** An address's verification row, as Medusa's auth module keeps it. */
export type EmailVerificationRow = {
  id: string
  verified_at: Date | string | null
  requested_at: Date | string | null
}

/** The verification row of an identity's address, if one was ever requested (or marked). */
export async function emailVerificationRow(
  container: MedusaContainer,
  identity: { auth_identity_id: string; entity_id: string }
): Promise<EmailVerificationRow | null> {
  const [row] = await container.resolve(Modules.AUTH).listAuthVerifications({
    auth_identity_id: identity.auth_identity_id,
    entity_id: identity.entity_id,
    entity_type: EMAIL_ENTITY_TYPE,
  })
  return row?.id ? { id: row.id, verified_at: row.verified_at ?? null, requested_at: row.requested_at ?? null } : null
}

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null)

/** The state an admin reads: verified, pending (a link is out), or none (never requested). */
export function verificationState(email: string, row: EmailVerificationRow | null) {
  return {
    email,
    status: row?.verified_at ? ("verified" as const) : row ? ("pending" as const) : ("none" as const),
    verified_at: iso(row?.verified_at),
    requested_at: iso(row?.requested_at),
  }
}

/** Refusal `type` of a login that needs a verified address first (`emailVerification.required`). */
export const EMAIL_NOT_VERIFIED = "email_not_verified"

/** What `emailVerification.required` reads. */
export type VerificationRequirement = {
  required: boolean
  existingAccounts?: "grandfather" | "require"
  grandfatherCreatedBefore?: string
}

/**
 * Whether a customer account's right password still must not log in: the
 * policy requires a verified address, the address is not verified (`row`),
 * and the account is not grandfathered (its login created before the
 * merchant's cut-off, with `existingAccounts: "grandfather"`).
 */
export async function verificationBlocksLogin(
  container: MedusaContainer,
  identity: { auth_identity_id: string; entity_id: string },
  requirement: VerificationRequirement,
  row: EmailVerificationRow | null
): Promise<boolean> {
  if (!requirement.required || row?.verified_at) {
    return false
  }
  if (requirement.existingAccounts !== "grandfather" || !requirement.grandfatherCreatedBefore) {
    return true
  }
  const [login] = await container.resolve(Modules.AUTH).listProviderIdentities(
    { auth_identity_id: identity.auth_identity_id, entity_id: identity.entity_id },
    { select: ["created_at"] }
  )
  // The DTO's type omits the timestamps every row has.
  const created = (login as { created_at?: Date | string } | undefined)?.created_at
  const createdAt = created ? new Date(created).getTime() : NaN
  return !(createdAt < new Date(requirement.grandfatherCreatedBefore).getTime())
}

/**
 * {@link verificationBlocksLogin} for a login that just gave the right
 * password. Identities without a customer account (registered, no account
 * yet) are never held back: their token can only create the account, whose
 * verification e-mail follows.
 */
export async function loginAwaitsVerification(
  container: MedusaContainer,
  identity: { auth_identity_id: string; entity_id: string; app_metadata: Record<string, unknown> },
  requirement: VerificationRequirement
): Promise<boolean> {
  if (!requirement.required || typeof identity.app_metadata.customer_id !== "string") {
    return false
  }
  return verificationBlocksLogin(container, identity, requirement, await emailVerificationRow(container, identity))
}

/** A customer account's verification as the admin reads it: the state, and whether it holds back logins. */
export async function emailVerificationState(
  container: MedusaContainer,
  account: { auth_identity_id: string; entity_id: string },
  requirement: VerificationRequirement
) {
  const row = await emailVerificationRow(container, account)
  return {
    ...verificationState(account.entity_id, row),
    required: requirement.required,
    blocks_login: await verificationBlocksLogin(container, account, requirement, row),
  }
}

/**
 * Which of these addresses are verified logins: the emailpass identity that
 * logs in with the address has a verified `email` row for it. Returned
 * normalized (trimmed, lower-case). Two queries, whatever the count.
 */
export async function verifiedAddresses(container: MedusaContainer, emails: string[]): Promise<Set<string>> {
  const candidates = [...new Set(emails.flatMap((email) => [email, normalizeIdentifier(email)]))]
  if (!candidates.length) {
    return new Set()
  }
  const auth = container.resolve(Modules.AUTH)
  // Lists pass through to the ORM as `$in`; the filter types only name equality.
  const anyOf = (values: string[]) => values as unknown as string
  const logins = await auth.listProviderIdentities(
    { entity_id: anyOf(candidates), provider: "emailpass" },
    { select: ["auth_identity_id", "entity_id"] }
  )
  if (!logins.length) {
    return new Set()
  }
  const rows = await auth.listAuthVerifications(
    {
      auth_identity_id: anyOf(logins.map((login) => login.auth_identity_id!)),
      entity_id: anyOf(logins.map((login) => login.entity_id)),
      entity_type: EMAIL_ENTITY_TYPE,
    },
    { select: ["auth_identity_id", "entity_id", "verified_at"] }
  )
  const owners = new Set(logins.map((login) => `${login.auth_identity_id}\u0000${login.entity_id}`))
  return new Set(
    rows
      .filter((row) => row.verified_at && owners.has(`${row.auth_identity_id}\u0000${row.entity_id}`))
      .map((row) => normalizeIdentifier(row.entity_id))
  )
}
