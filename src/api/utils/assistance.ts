import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { AssistanceConsentState } from "../../modules/account-security/services/assistance"
import type { AssistedSessionRow } from "../../modules/account-security/repositories/assistance"
import { currentSession } from "../auth/session-gate"
import { accountSecurity } from "./account-security"

/** The answer of every assisted-shopping route while `assistance.enabled` is off. */
export function requireAssistanceEnabled(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (accountSecurity(req.scope).assistance.options.enabled) {
    return next()
  }
  res.status(404).json({ type: "not_found", message: "Assisted shopping is not enabled" })
}

export const ASSISTED_SESSION_FORBIDDEN = "assisted_session_forbidden"

/**
 * What store staff may not do while signed in as a customer (an assisted
 * session): the account's credentials and its very existence stay the
 * customer's. The customer's own session is not affected.
 */
export function refuseInAssistedSession(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!currentSession(req)?.assisted_by) {
    return next()
  }
  res.status(403).json({
    type: ASSISTED_SESSION_FORBIDDEN,
    message: "Not allowed while store staff are signed in as you.",
  })
}

/** A cart's completion, refused in an assisted session while `assistance.allowCheckout` is off. */
export function refuseAssistedCheckout(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (accountSecurity(req.scope).assistance.options.allowCheckout) {
    return next()
  }
  return refuseInAssistedSession(req, res, next)
}

export function consentJson(state: AssistanceConsentState) {
  return {
    required: state.required,
    allowed: state.allowed,
    granted_at: state.granted_at?.toISOString() ?? null,
    expires_at: state.expires_at?.toISOString() ?? null,
  }
}

type UserSummary = { id: string; email: string; first_name: string | null; last_name: string | null }

/** Running assisted sessions with the staff member and (for the settings list) the customer. */
export async function assistedSessionsJson(scope: MedusaContainer, rows: AssistedSessionRow[], withCustomer = false) {
  const userIds = [...new Set(rows.map((row) => row.assisted_by))]
  const customerIds = [...new Set(rows.map((row) => row.customer_id).filter((id): id is string => !!id))]
  const [users, customers]: [UserSummary[], UserSummary[]] = await Promise.all([
    userIds.length
      ? (scope.resolve(Modules.USER).listUsers({ id: userIds }, { select: ["id", "email", "first_name", "last_name"] }) as Promise<UserSummary[]>)
      : Promise.resolve([]),
    withCustomer && customerIds.length
      ? (scope
          .resolve(Modules.CUSTOMER)
          .listCustomers({ id: customerIds }, { select: ["id", "email", "first_name", "last_name"] }) as Promise<UserSummary[]>)
      : Promise.resolve([]),
  ])
  const summary = (found: UserSummary | undefined) =>
    found ? { id: found.id, email: found.email, first_name: found.first_name ?? null, last_name: found.last_name ?? null } : null
  return rows.map((row) => ({
    id: row.id,
    ...(withCustomer
      ? { customer_id: row.customer_id, customer: summary(customers.find((c) => c.id === row.customer_id)) }
      : {}),
    user_id: row.assisted_by,
    user: summary(users.find((user) => user.id === row.assisted_by)),
    reason: row.assistance_reason ?? "",
    started_at: new Date(row.started_at).toISOString(),
    ends_at: new Date(row.ends_at).toISOString(),
  }))
}
