import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { StoreRevokeSessionResponse } from "../../../../../../types/account-sessions"
import { revokeAccountSessionsWorkflow } from "../../../../../../workflows/account-session"
import { accountSecurity } from "../../../../../utils/account-security"
import { identityIdsOf } from "../../../../../utils/sessions"

/**
 * Ends one of the customer's sessions (this one too: signing out of this
 * device). Another customer's session, or an unknown id, is 404.
 */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreRevokeSessionResponse>) => {
  const identities = await identityIdsOf(req.scope, { customer_id: req.auth_context.actor_id })
  const sessions = accountSecurity(req.scope).sessions
  for (const identityId of identities) {
    const session = await sessions.findOfIdentity(req.params.id, identityId)
    if (session) {
      await revokeAccountSessionsWorkflow(req.scope).run({
        input: { auth_identity_id: identityId, only: [session.id], reason: "signed_out", by: "customer" },
      })
      return res.json({ id: session.id, revoked: true })
    }
  }
  throw new MedusaError(MedusaError.Types.NOT_FOUND, `Session with id: ${req.params.id} was not found`)
}
