import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminRevokeSessionsResponse } from "../../../../../../types/account-sessions"
import { fetchUserOrThrow } from "../../../../../utils/customers"
import { identityIdsOf, revokeSessionsOf } from "../../../../../utils/sessions"

/**
 * "Sign out everywhere" for a Back Office user (a lost laptop, a colleague
 * who left): every session ends, also the asking admin's own if it is theirs.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRevokeSessionsResponse>) => {
  const user = await fetchUserOrThrow(req.scope, req.params.id)
  const identities = await identityIdsOf(req.scope, { user_id: user.id })
  const revoked = await revokeSessionsOf(req.scope, identities, {
    reason: "signed_out_everywhere",
    by: `user:${req.auth_context.actor_id}`,
  })
  res.json({ revoked })
}
