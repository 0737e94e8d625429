import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { SessionRow } from "../../modules/account-security/repositories/session-registry"
import type { AccountSession, SessionMethod } from "../../types/account-sessions"
import { revokeAccountSessionsWorkflow } from "../../workflows/account-session"
import type { SessionEndReason } from "../../types/account-sessions"
import { accountSecurity } from "./account-security"

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null)

/** A registry row as the store and admin APIs show it. */
export function toAccountSession(row: SessionRow, currentId: string | null = null): AccountSession {
  return {
    id: row.id,
    actor_type: row.actor_type,
    method: row.method as SessionMethod,
    created_at: iso(row.started_at)!,
    last_seen_at: iso(row.last_seen_at)!,
    expires_at: iso(row.expires_at),
    ends_at: iso(row.ends_at)!,
    refresh_count: Number(row.refresh_count),
    ip: row.ip,
    user_agent: row.user_agent,
    cookie: !!row.cookie,
    current: row.id === currentId,
  }
}

/**
 * The auth identities an account signs in with (`app_metadata.customer_id`
 * or `user_id`): usually one; a customer may also have a social login.
 */
export async function identityIdsOf(
  scope: MedusaContainer,
  account: { customer_id: string } | { user_id: string }
): Promise<string[]> {
  const [key, id] = "customer_id" in account ? ["customer_id", account.customer_id] : ["user_id", account.user_id]
  const rows: { id: string }[] = await scope
    .resolve(ContainerRegistrationKeys.PG_CONNECTION)("auth_identity")
    .select("id")
    .whereRaw(`app_metadata->>? = ?`, [key, id])
    .whereNull("deleted_at")
  return rows.map((row) => row.id)
}

/** The active sessions of identities, newest activity first. */
export async function activeSessionsOf(
  scope: MedusaContainer,
  identityIds: string[],
  currentId: string | null = null
): Promise<AccountSession[]> {
  const sessions = accountSecurity(scope).sessions
  const rows = (await Promise.all(identityIds.map((id) => sessions.listActive(id)))).flat()
  return rows
    .sort((a, b) => new Date(b.last_seen_at).getTime() - new Date(a.last_seen_at).getTime())
    .map((row) => toAccountSession(row, currentId))
}

/** Ends the sessions of identities (each one's revocation is its own unit); returns how many ended. */
export async function revokeSessionsOf(
  scope: MedusaContainer,
  identityIds: string[],
  revocation: { reason: SessionEndReason; by: string; except?: string[] }
): Promise<number> {
  let revoked = 0
  for (const identityId of identityIds) {
    const { result } = await revokeAccountSessionsWorkflow(scope).run({
      input: { auth_identity_id: identityId, ...revocation },
    })
    revoked += result.session_ids.length
  }
  return revoked
}
