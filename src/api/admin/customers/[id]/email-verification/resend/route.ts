import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminResendEmailVerificationResponse } from "../../../../../../types/account-security"
import { requestEmailVerification } from "../../../../../../lib/email/verification"
import { customerWithPasswordAccount } from "../../../../../utils/customers"

/**
 * Sends the customer a fresh verification link (the previous one stops
 * working); `sent: false` for an address already verified.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminResendEmailVerificationResponse>) => {
  const account = await customerWithPasswordAccount(req.scope, req.params.id)
  res.json({ customer_id: account.customer_id, sent: await requestEmailVerification(req.scope, account.entity_id) })
}
