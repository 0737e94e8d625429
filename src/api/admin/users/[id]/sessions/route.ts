import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminAccountSessionsResponse } from "../../../../../types/account-sessions"
import { fetchUserOrThrow } from "../../../../utils/customers"
import { activeSessionsOf, identityIdsOf } from "../../../../utils/sessions"

/** A Back Office user's active sessions, newest activity first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAccountSessionsResponse>) => {
  const user = await fetchUserOrThrow(req.scope, req.params.id)
  const identities = await identityIdsOf(req.scope, { user_id: user.id })
  res.json({ sessions: await activeSessionsOf(req.scope, identities) })
}
