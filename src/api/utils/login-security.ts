import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { AdminLoginSecurity, PasswordChangeRequired } from "../../types/account-security"
import { normalizeIdentifier } from "../../lib/identity/auth-identity"
import { accountSecurity } from "./account-security"

/**
 * An identifier's lockout state as the admin sees it on a customer's or a
 * user's page: lock, counters, the last 20 attempts (through any route), the
 * last successful login, and the IP blocks that stand in its way.
 */
export async function loginSecurityOf(
  scope: MedusaContainer,
  identifier: string
): Promise<AdminLoginSecurity> {
  const security = accountSecurity(scope)
  // The identity's row and attempts (a look-alike's share the e-mail, not the key).
  const key = await security.lockout.keyOf(identifier)
  const ofKey = { $or: [{ auth_identity_id: key }, { auth_identity_id: null, identifier: key }] }
  const [state, attempts, [lastLogin], blockedIps, passwordChange] = await Promise.all([
    security.lockout.stateOf(key),
    security.listLoginAttempts(ofKey, { order: { attempted_at: "DESC", id: "DESC" }, take: 20 }),
    security.listLoginAttempts(
      { ...ofKey, outcome: "success" },
      { order: { attempted_at: "DESC" }, take: 1, select: ["attempted_at"] }
    ),
    security.lockout.blockedIpsFor(key),
    passwordChangeOf(scope, key),
  ])
  return {
    identifier: normalizeIdentifier(identifier),
    locked: state.locked,
    locked_until: state.locked_until?.toISOString() ?? null,
    failed_attempts: state.failed_attempts,
    lock_count_24h: state.lock_count_24h,
    last_failed_at: state.last_failed_at?.toISOString() ?? null,
    last_login_at: lastLogin ? new Date(lastLogin.attempted_at).toISOString() : null,
    recent_attempts: attempts.map((attempt) => ({
      id: attempt.id,
      outcome: attempt.outcome,
      actor_type: attempt.actor_type ?? null,
      ip: attempt.ip,
      user_agent: attempt.user_agent,
      attempted_at: new Date(attempt.attempted_at).toISOString(),
      count: Number(attempt.count ?? 1),
      last_attempted_at: attempt.last_attempted_at ? new Date(attempt.last_attempted_at).toISOString() : null,
    })),
    blocked_ips: blockedIps.map(({ ip, blocked_until }) => ({
      ip,
      blocked_until: blocked_until.toISOString(),
    })),
    password_change: passwordChange,
  }
}

/**
 * Whether the auth identity must change its password (see
 * flagBreachedPasswordWorkflow); null when not, or for a key that names no
 * identity.
 */
export async function passwordChangeOf(
  scope: MedusaContainer,
  authIdentityId: string
): Promise<PasswordChangeRequired | null> {
  const [exposure] = await accountSecurity(scope).listPasswordExposures(
    { auth_identity_id: authIdentityId },
    { take: 1, select: ["detected_at"] }
  )
  return exposure ? { reason: "breached", since: new Date(exposure.detected_at).toISOString() } : null
}

/**
 * The IP as the attempt log spells it when `identifier` was tried from it in
 * the last 24 h; NOT_FOUND otherwise, so that an unblock route cannot lift
 * blocks at large.
 */
export async function recentAttemptIpOrThrow(
  scope: MedusaContainer,
  identifier: string,
  ip: string,
  account: string
): Promise<string> {
  const found = await accountSecurity(scope).lockout.recentAttemptIp(identifier, ip)
  if (!found) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `${account} has no login attempt from IP ${ip} in the last 24 hours`
    )
  }
  return found
}
