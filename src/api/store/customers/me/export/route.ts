import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STORE_EXPORTS_PER_DAY } from "../../../../../lib/options"
import { SecurityCounterScopes } from "../../../../../modules/account-security/types"
import { sendCustomerExport } from "../../../../utils/customer-export"
import { accountSecurity } from "../../../../utils/password-policy"
import { sendTooManyRequests } from "../../../../utils/too-many-requests"

const DAY_SECONDS = 86_400

/**
 * The logged-in customer's own data, as a JSON file (GDPR art. 15), at most
 * three times a day (429 with Retry-After beyond).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const { allowed } = await accountSecurity(req.scope).quotas.consume(
    SecurityCounterScopes.DATA_EXPORT,
    customerId,
    STORE_EXPORTS_PER_DAY,
    DAY_SECONDS
  )
  if (!allowed) {
    sendTooManyRequests(res, DAY_SECONDS, "Too many data exports today. Try again tomorrow.")
    return
  }
  await sendCustomerExport(req.scope, res, customerId, { requested_by: "customer", actor_id: customerId })
}
