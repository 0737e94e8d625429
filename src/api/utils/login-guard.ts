import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
} from "@medusajs/framework/utils"
import { CustomerAccountEvents } from "../../modules/account-security/events"
import type { LoginAttemptOutcome } from "../../modules/account-security/service"
import { accountSecurity } from "./password-policy"

/** What a refused attempt answers, the same for every identifier. */
export const TOO_MANY_ATTEMPTS_MESSAGE = "Too many failed login attempts. Try again later."

export type LoginAttemptContext = {
  identifier: string
  ip: string | null
  user_agent: string | null
  attempted_at: Date
}

export function attemptContext(req: MedusaRequest, identifier: string): LoginAttemptContext {
  return {
    identifier,
    // Express' req.ip honours the host app's `trust proxy` setting.
    ip: req.ip ?? null,
    user_agent: req.get("user-agent") ?? null,
    attempted_at: accountSecurity(req.scope).now(),
  }
}

async function customerIdFor(scope: MedusaContainer, identifier: string): Promise<string | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id"],
    filters: { email: identifier, has_account: true },
  })
  return data[0]?.id ?? null
}

/**
 * Answers a refused attempt: 429 with Retry-After, in Medusa's error shape.
 * Logs the refusal in the background.
 */
export function refuseAttempt(
  req: MedusaRequest,
  // Any route's response: the error body replaces its success shape.
  res: MedusaResponse<any>,
  attempt: LoginAttemptContext,
  retryAfterSeconds: number
): void {
  void recordOutcome(req.scope, attempt, "refused")
  res.setHeader("Retry-After", String(retryAfterSeconds))
  res.status(429).json({ type: "not_allowed", message: TOO_MANY_ATTEMPTS_MESSAGE })
}

/**
 * Settles an admitted attempt once its verdict is known: a success resets
 * the identifier's failures, a failure may lock it. Emits the lockout events
 * and writes the attempt log. Runs after the answer was sent and never throws:
 * the counters that enforce the lock were already written at admission.
 */
export async function recordOutcome(
  scope: MedusaContainer,
  attempt: LoginAttemptContext,
  outcome: LoginAttemptOutcome | "aborted"
): Promise<void> {
  const security = accountSecurity(scope)
  try {
    if (outcome === "aborted") {
      await security.releaseLoginAttempt(attempt.identifier)
      return
    }
    const customerId = await customerIdFor(scope, attempt.identifier)
    const eventBus = scope.resolve(Modules.EVENT_BUS)
    if (outcome === "success") {
      await security.recordLoginSuccess(attempt.identifier)
    } else if (outcome === "failure") {
      const result = await security.recordLoginFailure(attempt.identifier, attempt.ip)
      await eventBus.emit({
        name: CustomerAccountEvents.LOGIN_FAILED,
        data: { identifier: attempt.identifier, customer_id: customerId, ip: attempt.ip },
      })
      if (result.locked) {
        await eventBus.emit({
          name: CustomerAccountEvents.LOCKED,
          data: {
            identifier: attempt.identifier,
            customer_id: customerId,
            locked_until: result.locked_until?.toISOString() ?? null,
            lock_count: result.lock_count,
          },
        })
      }
    }
    await security.logLoginAttempt({ ...attempt, customer_id: customerId, outcome })
  } catch (error) {
    scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`medusa-customer-accounts: could not record a login attempt: ${String(error)}`)
  }
}
