import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { requestVerificationWorkflow } from "@medusajs/medusa/core-flows"
import { accountsOf, findEmailpassIdentity, normalizeIdentifier } from "../customer-password/auth-identity"

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
