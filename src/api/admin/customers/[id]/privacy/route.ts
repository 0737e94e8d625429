import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerPrivacyResponse } from "../../../../../types/customer-privacy"
import { privacyStateOf } from "../../../../../lib/privacy/privacy-state"

/** Whether the customer asked for erasure, or was anonymized, and when. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerPrivacyResponse>) => {
  res.json({ privacy: await privacyStateOf(req.scope, req.params.id) })
}
