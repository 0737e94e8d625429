import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreAccountActivityListResponse } from "../../../../../types/account-activity"
import { listActivityPage, toStoreActivities } from "../../../../utils/activity"
import type { StoreGetCustomerActivityParamsType } from "./validators"

/**
 * The logged-in customer's own security events (logins with IP and device,
 * locks, password changes and resets), newest first. Never notes, group or
 * profile entries, nor which staff member acted.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetCustomerActivityParamsType>,
  res: MedusaResponse<StoreAccountActivityListResponse>
) => {
  const { limit, offset } = req.validatedQuery
  const [records, count] = await listActivityPage(
    req.scope,
    { customer_id: req.auth_context.actor_id, kinds: ["security"], customer_visible: true },
    { limit, offset }
  )
  res.json({ activities: toStoreActivities(records), count, limit, offset })
}
