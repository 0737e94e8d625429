import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminAccountActivityListResponse } from "../../../../../types/account-activity"
import { listActivityPage, toAdminActivities } from "../../../../utils/activity"
import { fetchCustomerOrThrow } from "../../../../utils/customers"
import type { AdminGetCustomerActivityParamsType } from "./validators"

/** A customer's activity timeline, newest first, optionally of some kinds only. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerActivityParamsType>,
  res: MedusaResponse<AdminAccountActivityListResponse>
) => {
  const customer = await fetchCustomerOrThrow(req.scope, req.params.id)
  const { kind, limit, offset } = req.validatedQuery
  const [records, count] = await listActivityPage(req.scope, { customer_id: customer.id, kinds: kind }, { limit, offset })
  res.json({ activities: await toAdminActivities(req.scope, records), count, limit, offset })
}
