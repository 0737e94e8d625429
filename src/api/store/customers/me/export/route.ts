import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STORE_EXPORTS_PER_DAY } from "../../../../../lib/options"
import { SecurityCounterScopes } from "../../../../../modules/account-security/types"
import { sendCustomerExport } from "../../../../utils/customer-export"
import { accountSecurity } from "../../../../utils/account-security"
import { sendTooManyRequests } from "../../../../utils/too-many-requests"

const DAY_SECONDS = 86_400

/**
 * The logged-in customer's own data, as a JSON file (GDPR art. 15), at most
 * three times a day (429 beyond, with Retry-After: the seconds until the
 * first counted export is a day old).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const { allowed, retryAfterSeconds } = await accountSecurity(req.scope).quotas.consume(
    SecurityCounterScopes.DATA_EXPORT,
    customerId,
    STORE_EXPORTS_PER_DAY,
    DAY_SECONDS
  )
  if (!allowed) {
    // The time left in the customer's window, not a whole day from now.
    sendTooManyRequests(res, retryAfterSeconds, "Too many data exports today. Try again later.")
    return
  }
  await sendCustomerExport(req.scope, res, customerId, { requested_by: "customer", actor_id: customerId })
}
