import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminCustomerSecurityResponse } from "../../../../../types/account-security"
import { customerIdentifier } from "../../../../utils/customers"
import { accountSecurity } from "../../../../utils/password-policy"

/**
 * Lock status, counters, the last 20 login attempts of a customer, and the
 * IP blocks that stand in the customer's way.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCustomerSecurityResponse>
) => {
  const identifier = await customerIdentifier(req.scope, req.params.id)
  const security = accountSecurity(req.scope)
  const [state, attempts, [lastLogin], blockedIps] = await Promise.all([
    security.getLockoutState(identifier),
    security.listLoginAttempts(
      { identifier },
      { order: { attempted_at: "DESC", id: "DESC" }, take: 20 }
    ),
    security.listLoginAttempts(
      { identifier, outcome: "success" },
      { order: { attempted_at: "DESC" }, take: 1, select: ["attempted_at"] }
    ),
    security.listBlockedIpsFor(identifier),
  ])
  res.json({
    security: {
      identifier,
      locked: state.locked,
      locked_until: state.locked_until?.toISOString() ?? null,
      failed_attempts: state.failed_attempts,
      lock_count_24h: state.lock_count_24h,
      last_failed_at: state.last_failed_at?.toISOString() ?? null,
      last_login_at: lastLogin ? new Date(lastLogin.attempted_at).toISOString() : null,
      recent_attempts: attempts.map((attempt) => ({
        id: attempt.id,
        outcome: attempt.outcome,
        ip: attempt.ip,
        user_agent: attempt.user_agent,
        attempted_at: new Date(attempt.attempted_at).toISOString(),
      })),
      blocked_ips: blockedIps.map(({ ip, blocked_until }) => ({
        ip,
        blocked_until: blocked_until.toISOString(),
      })),
    },
  })
}
