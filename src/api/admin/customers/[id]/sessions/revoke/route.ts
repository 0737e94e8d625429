import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminRevokeSessionsResponse } from "../../../../../../types/account-sessions"
import { fetchCustomerOrThrow } from "../../../../../utils/customers"
import { identityIdsOf, revokeSessionsOf } from "../../../../../utils/sessions"

/** "Sign out everywhere" for a customer: every session ends; the timeline names the admin. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRevokeSessionsResponse>) => {
  const customer = await fetchCustomerOrThrow(req.scope, req.params.id)
  const identities = await identityIdsOf(req.scope, { customer_id: customer.id })
  const revoked = await revokeSessionsOf(req.scope, identities, {
    reason: "signed_out_everywhere",
    by: `user:${req.auth_context.actor_id}`,
  })
  res.json({ revoked })
}
