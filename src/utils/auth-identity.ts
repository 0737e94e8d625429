import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

export const EMAILPASS_PROVIDER = "emailpass"

/** Normalized form of a login identifier: trimmed and lower-cased. */
export function normalizeIdentifier(identifier: string): string {
  return identifier.trim().toLowerCase()
}

export type EmailpassIdentity = {
  auth_identity_id: string
  entity_id: string
  password_hash: string | null
}

/** The emailpass identity registered under an e-mail, if any. */
export async function findEmailpassIdentity(
  scope: MedusaContainer,
  email: string
): Promise<EmailpassIdentity | null> {
  const authModule = scope.resolve(Modules.AUTH)
  const [identity] = await authModule.listProviderIdentities(
    { entity_id: email, provider: EMAILPASS_PROVIDER },
    { select: ["auth_identity_id", "entity_id", "provider_metadata"] }
  )
  if (!identity?.auth_identity_id) {
    return null
  }
  const hash = identity.provider_metadata?.password
  return {
    auth_identity_id: identity.auth_identity_id,
    entity_id: identity.entity_id,
    password_hash: typeof hash === "string" ? hash : null,
  }
}

