import type { AuthTypes, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { AdminMfaFactor } from "../../types/account-security"

/** Factors that guard logins, or will once confirmed: what an MFA reset removes. */
export const ACTIVE_MFA_STATUSES = ["pending", "enabled"] as const

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : "")

/** A factor as the admin reads it (Medusa's DTO already leaves out the secret). */
export function toAdminMfaFactor(factor: AuthTypes.AuthMfaDTO): AdminMfaFactor {
  const row = factor as AuthTypes.AuthMfaDTO & { created_at?: unknown; updated_at?: unknown }
  const label = (factor.metadata as Record<string, unknown> | null | undefined)?.label
  return {
    id: factor.id,
    provider: factor.provider,
    status: factor.status as AdminMfaFactor["status"],
    label: typeof label === "string" ? label : null,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  }
}

/** An auth identity's MFA factors, newest first (removed ones included, for the record). */
export async function mfaFactorsOf(container: MedusaContainer, authIdentityId: string): Promise<AdminMfaFactor[]> {
  const factors = await container
    .resolve(Modules.AUTH)
    .listAuthMfa({ auth_identity_id: authIdentityId }, { order: { created_at: "DESC" } })
  return factors.map(toAdminMfaFactor)
}
