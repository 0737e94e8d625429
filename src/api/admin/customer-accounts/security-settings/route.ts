import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { LockoutLimits } from "../../../../lib/options"
import type {
  AdminLockoutLimits,
  AdminSecuritySettingsResponse,
} from "../../../../types/security-settings"
import { accountSecurity } from "../../../utils/account-security"

/**
 * The lock durations one identity meets in turn within 24 h: `lockSeconds`,
 * doubled per further lock, capped at `maxLockSeconds` (the rule the
 * lockout repository applies when it locks). Ends at the cap.
 */
function lockSteps({ lockSeconds, maxLockSeconds }: Pick<LockoutLimits, "lockSeconds" | "maxLockSeconds">): number[] {
  const steps = [Math.min(lockSeconds, maxLockSeconds)]
  while (steps[steps.length - 1] < maxLockSeconds) {
    steps.push(Math.min(steps[steps.length - 1] * 2, maxLockSeconds))
  }
  return steps
}

const describeLimits = (limits: LockoutLimits, locksAccounts: boolean): AdminLockoutLimits => ({
  locks_accounts: locksAccounts,
  max_attempts: limits.maxAttempts,
  window_seconds: limits.windowSeconds,
  lock_seconds: limits.lockSeconds,
  max_lock_seconds: limits.maxLockSeconds,
  lock_steps_seconds: lockSteps(limits),
  ip_max_attempts: limits.ipMaxAttempts,
})

/**
 * The failed-login lockout in force for customers and Back Office users, as
 * the plugin options set it (defaults filled in), for the settings page.
 * Nothing in it is secret; the password policy has its own route.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminSecuritySettingsResponse>
) => {
  const { lockout, userLockout } = accountSecurity(req.scope).getOptions()
  const { enabled: userEnabled, ...userLimits } = userLockout
  res.json({
    security_settings: {
      lockout: {
        enabled: lockout.enabled,
        retention_days: lockout.retentionDays,
        trusted_proxy_hops: lockout.trustedProxyHops,
        customer: describeLimits(lockout, lockout.enabled),
        user: describeLimits(userLimits, lockout.enabled && userEnabled),
      },
    },
  })
}
