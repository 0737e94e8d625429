import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminAccountSessionsResponse } from "../../../../../types/account-sessions"
import { fetchCustomerOrThrow } from "../../../../utils/customers"
import { activeSessionsOf, identityIdsOf } from "../../../../utils/sessions"

/** A customer's active sessions (device, IP, last seen), newest activity first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAccountSessionsResponse>) => {
  const customer = await fetchCustomerOrThrow(req.scope, req.params.id)
  const identities = await identityIdsOf(req.scope, { customer_id: customer.id })
  res.json({ sessions: await activeSessionsOf(req.scope, identities) })
}
