import type { MedusaContainer } from "@medusajs/framework/types"
import { identitiesOfActor, type ActorRef } from "../../lib/identity/auth-identity"
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

/** The ids of the auth identities an account signs in with (see identitiesOfActor). */
export async function identityIdsOf(scope: MedusaContainer, account: ActorRef): Promise<string[]> {
  return (await identitiesOfActor(scope, account)).map((identity) => identity.id)
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
