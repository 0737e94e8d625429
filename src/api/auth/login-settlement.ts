import { randomUUID } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CustomerAccountEvents, UserAccountEvents } from "../../lib/events"
import { EMAIL_NOT_VERIFIED } from "../../lib/email/verification"
import { errorReason } from "../../lib/error-reason"
import {
  accountsOfSubject,
  lockoutSubjectOf,
  type EmailpassIdentity,
  type LockoutSubject,
} from "../../lib/identity/auth-identity"
import type AccountSecurityModuleService from "../../modules/account-security/service"
import type { AccountKind, LoginAttemptOutcome } from "../../modules/account-security/service"
import { accountSecurity } from "../utils/account-security"

/*
 * How a login attempt ends once its verdict is known: the lockout's counts,
 * the attempt log and the login events. The admission (lockout-flow.ts)
 * wrote the counts that enforce the lock; this only records.
 */

export type LoginAttemptContext = {
  /** The canonical e-mail tried (attempt log, events). */
  identifier: string
  /**
   * The lockout row it counts on: the identity's when the e-mail names one
   * (see `lockoutSubjectOf`), else the canonical e-mail. Set at admission.
   */
  key: string
  auth_identity_id: string | null
  subject: LockoutSubject | null
  actor_type: string
  ip: string | null
  user_agent: string | null
  attempted_at: Date
}

/** How a settled attempt ended; `second_factor`: right password, an MFA challenge follows. */
export type SettledOutcome = LoginAttemptOutcome | "aborted" | "second_factor" | "unverified"

/** Which factor an attempt checked: the password, or an MFA code. */
export type Factor = "password" | "mfa"

/** Whose lockout block an attempt through a route of this actor type uses. */
export const routeKind = (actorType: string): AccountKind =>
  actorType.toLowerCase() === "user" ? "user" : "customer"

/**
 * Whose block limits the identity an attempt counts on (see
 * `LockoutService.ownerOf`): its accounts decide, not the route it came
 * through; null before the subject is known or for an unknown e-mail.
 */
export function ownerOf(security: AccountSecurityModuleService, attempt: LoginAttemptContext): AccountKind | null {
  return attempt.subject?.auth_identity_id ? security.lockout.ownerOf(accountsOfSubject(attempt.subject)) : null
}

export type Settlement = {
  outcome: SettledOutcome
  identity?: EmailpassIdentity | null
  factor: Factor
  /** A logged-in customer confirming their password: a right one is no login (no `login_succeeded`). */
  reauthentication: boolean
}

/**
 * Settles an attempt once its verdict is known: a success resets the
 * identifier's failures, a failure may lock it (under the block of the
 * identity's owner), an abort gives its places back. Emits the lockout
 * events and writes the attempt log. Never throws: the counts that enforce
 * the lock were written at admission.
 */
export async function settleLoginAttempt(
  scope: MedusaContainer,
  attempt: LoginAttemptContext,
  { outcome, identity, factor, reauthentication }: Settlement
): Promise<void> {
  const security = accountSecurity(scope)
  if (!security.getOptions().lockout.enabled) {
    return
  }
  const route = routeKind(attempt.actor_type)
  try {
    if (outcome === "aborted" || outcome === "second_factor") {
      // No verdict on the login yet: its place in the counts is given back.
      await security.lockout.release(attempt.key, attempt.ip, route, ownerOf(security, attempt))
      return
    }
    const eventBus = scope.resolve(Modules.EVENT_BUS)
    // Names the attempt in its events: subscribers record each once.
    const attemptRef = { attempt_id: randomUUID(), ip: attempt.ip, user_agent: attempt.user_agent }
    if (outcome === "refused" || outcome === "unverified") {
      // Refusals are what an attack produces by the thousand: one insert,
      // no lookup (the admin views find them by identifier; the activity
      // subscriber looks the account up after the answer). A right
      // password refused for an unverified address counts as no failure.
      if (outcome === "unverified") {
        await security.lockout.release(attempt.key, attempt.ip, route, ownerOf(security, attempt))
      }
      const known = attempt.subject ? accountsOfSubject(attempt.subject) : null
      await security.lockout.log({
        ...loggedAttempt(attempt),
        customer_id: known?.customer_id ?? null,
        user_id: known?.user_id ?? null,
        outcome: "refused",
      })
      // Straight on the bus (here and below): every login's hot path, after
      // the answer; the events only feed the timeline and notifications.
      await eventBus.emit({
        name: CustomerAccountEvents.LOGIN_REFUSED,
        data: {
          identifier: attempt.identifier,
          actor_type: attempt.actor_type,
          attempted_at: attempt.attempted_at.toISOString(),
          reason: outcome === "unverified" ? EMAIL_NOT_VERIFIED : "locked",
          ...attemptRef,
        },
      })
      return
    }
    // The person is the identity the attempt counted on, never a match of
    // the e-mail string (a look-alike shares it).
    const accounts = accountsOfSubject(attempt.subject ?? lockoutSubjectOf(attempt.identifier, identity ?? null, null))
    const logged = { ...loggedAttempt(attempt), customer_id: accounts.customer_id, user_id: accounts.user_id }
    const owner = security.lockout.ownerOf(accounts) ?? route
    if (outcome === "success") {
      await security.lockout.recordSuccess(logged, { owner, route, key: attempt.key })
      if (reauthentication) {
        return
      }
      await eventBus.emit({
        name: CustomerAccountEvents.LOGIN_SUCCEEDED,
        data: { ...accountRefs(attempt, accounts), factor, ...attemptRef },
      })
      return
    }
    const result = await security.lockout.recordFailure(attempt.key, attempt.ip, { owner, route })
    await eventBus.emit({
      name: CustomerAccountEvents.LOGIN_FAILED,
      data: { ...accountRefs(attempt, accounts), factor, ...attemptRef },
    })
    if (result.locked) {
      const data = {
        ...accountRefs(attempt, accounts),
        attempt_id: attemptRef.attempt_id,
        locked_until: result.locked_until?.toISOString() ?? null,
        lock_count: result.lock_count,
      }
      if (accounts.user_id) {
        await eventBus.emit({ name: UserAccountEvents.LOCKED, data })
      }
      if (accounts.customer_id || !accounts.user_id) {
        await eventBus.emit({ name: CustomerAccountEvents.LOCKED, data })
      }
    }
    await security.lockout.log({ ...logged, outcome })
  } catch (error) {
    scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`medusa-customer-accounts: could not record a login attempt (${outcome}): ${errorReason(error)}`)
  }
}

/** An attempt as the attempt log stores it. */
function loggedAttempt(attempt: LoginAttemptContext) {
  const { key: _key, subject: _subject, ...logged } = attempt
  return logged
}

function accountRefs(attempt: LoginAttemptContext, accounts: { customer_id: string | null; user_id: string | null }) {
  return {
    identifier: attempt.identifier,
    actor_type: attempt.actor_type,
    customer_id: accounts.customer_id,
    user_id: accounts.user_id,
  }
}
