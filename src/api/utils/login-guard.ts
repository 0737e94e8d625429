import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
} from "@medusajs/framework/utils"
import { CustomerAccountEvents } from "../../modules/account-security/events"
import type { LoginAttemptOutcome } from "../../modules/account-security/service"
import { accountSecurity } from "./password-policy"
import { errorReason } from "../../utils/error-reason"

/** What a refused attempt answers, the same for every identifier. */
export const TOO_MANY_ATTEMPTS_MESSAGE = "Too many failed login attempts. Try again later."

export type LoginAttemptContext = {
  identifier: string
  ip: string | null
  user_agent: string | null
  attempted_at: Date
}

/**
 * The client's IP as the lockout sees it. `trustedProxyHops: null` keeps
 * Express' `req.ip` (Medusa trusts one proxy hop); a number counts the
 * proxies whose X-Forwarded-For entries are believed, so a client cannot
 * pick its own IP by sending the header itself.
 */
export function clientIp(req: MedusaRequest, trustedProxyHops: number | null): string | null {
  if (trustedProxyHops === null) {
    return req.ip ?? null
  }
  const forwarded = String(req.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((address) => address.trim())
    .filter(Boolean)
    .reverse()
  const chain = [req.socket.remoteAddress ?? null, ...forwarded]
  return chain[Math.min(trustedProxyHops, chain.length - 1)] ?? null
}

export function attemptContext(req: MedusaRequest, identifier: string): LoginAttemptContext {
  return {
    identifier,
    ip: clientIp(req, accountSecurity(req.scope).getOptions().lockout.trustedProxyHops),
    user_agent: req.get("user-agent") ?? null,
    attempted_at: accountSecurity(req.scope).now(),
  }
}

async function customerIdFor(scope: MedusaContainer, identifier: string): Promise<string | null> {
  // The customer module directly: this runs for every attempt.
  const [customer] = await scope
    .resolve(Modules.CUSTOMER)
    .listCustomers({ email: identifier, has_account: true }, { select: ["id"], take: 1 })
  return customer?.id ?? null
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
      await security.releaseLoginAttempt(attempt.identifier, attempt.ip)
      return
    }
    if (outcome === "refused") {
      // Refusals are what an attack produces by the thousand: one insert,
      // no lookup (the admin view finds them by identifier).
      await security.logLoginAttempt({ ...attempt, outcome })
      return
    }
    const customerId = await customerIdFor(scope, attempt.identifier)
    if (outcome === "success") {
      await security.recordLoginSuccess({ ...attempt, customer_id: customerId })
      return
    }
    const eventBus = scope.resolve(Modules.EVENT_BUS)
    if (outcome === "failure") {
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
      .error(`medusa-customer-accounts: could not record a login attempt (${outcome}): ${errorReason(error)}`)
  }
}
