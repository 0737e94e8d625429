import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminEmailVerificationResponse } from "../../../../../types/account-security"
import { emailVerificationRow, verificationState } from "../../../../../workflows/customer-email"
import { customerWithPasswordAccount } from "../../../../utils/customers"

/** Whether the customer's address is verified (Medusa's own verification), and since when. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminEmailVerificationResponse>) => {
  const account = await customerWithPasswordAccount(req.scope, req.params.id)
  res.json({ email_verification: verificationState(account.entity_id, await emailVerificationRow(req.scope, account)) })
}
