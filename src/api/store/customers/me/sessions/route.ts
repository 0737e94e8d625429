import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type {
  StoreAccountSessionsResponse,
  StoreRevokeSessionsResponse,
} from "../../../../../types/account-sessions"
import { currentSession } from "../../../../auth/session-gate"
import { activeSessionsOf, identityIdsOf, revokeSessionsOf } from "../../../../utils/sessions"

/** The logged-in customer's active sessions (this one marked `current`), newest activity first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreAccountSessionsResponse>) => {
  const identities = await identityIdsOf(req.scope, { customer_id: req.auth_context.actor_id })
  res.json({ sessions: await activeSessionsOf(req.scope, identities, currentSession(req)?.id ?? null) })
}

/** Signs the customer out everywhere, this session included. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreRevokeSessionsResponse>) => {
  const identities = await identityIdsOf(req.scope, { customer_id: req.auth_context.actor_id })
  const revoked = await revokeSessionsOf(req.scope, identities, { reason: "signed_out_everywhere", by: "customer" })
  res.json({ revoked })
}
