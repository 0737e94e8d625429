import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreRevokeSessionsResponse } from "../../../../../../types/account-sessions"
import { currentSession } from "../../../../../auth/session-gate"
import { identityIdsOf, revokeSessionsOf } from "../../../../../utils/sessions"

/** Signs the customer out everywhere but here (this session stays). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreRevokeSessionsResponse>) => {
  const identities = await identityIdsOf(req.scope, { customer_id: req.auth_context.actor_id })
  const current = currentSession(req)?.id
  const revoked = await revokeSessionsOf(req.scope, identities, {
    reason: "signed_out_everywhere",
    by: "customer",
    except: current ? [current] : [],
  })
  res.json({ revoked })
}
