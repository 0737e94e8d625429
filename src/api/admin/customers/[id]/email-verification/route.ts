import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminEmailVerificationResponse } from "../../../../../types/account-security"
import { emailVerificationState } from "../../../../../lib/email/verification"
import { customerWithPasswordAccount } from "../../../../utils/customers"
import { accountSecurity } from "../../../../utils/account-security"

/** Whether the customer's address is verified (Medusa's own verification), since when, and whether that holds back logins. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminEmailVerificationResponse>) => {
  const account = await customerWithPasswordAccount(req.scope, req.params.id)
  const { emailVerification } = accountSecurity(req.scope).getOptions()
  res.json({ email_verification: await emailVerificationState(req.scope, account, emailVerification) })
}
