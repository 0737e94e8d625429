import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendCustomerExport } from "../../../../utils/customer-export"

/** Everything the shop holds about the customer, as a JSON file (GDPR art. 15); see docs/privacy.md. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await sendCustomerExport(req.scope, res, req.params.id, { requested_by: "admin", actor_id: req.auth_context.actor_id })
}
