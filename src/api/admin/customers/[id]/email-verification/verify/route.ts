import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminMarkEmailVerifiedResponse } from "../../../../../../types/account-security"
import { emailVerificationState } from "../../../../../../lib/email/verification"
import { markEmailVerifiedWorkflow } from "../../../../../../workflows/customer-email"
import { accountSecurity } from "../../../../../utils/account-security"
import { customerWithPasswordAccount } from "../../../../../utils/customers"

/** Marks the customer's address verified on the calling admin's word (recorded on the timeline with the admin). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminMarkEmailVerifiedResponse>) => {
  const account = await customerWithPasswordAccount(req.scope, req.params.id)
  await markEmailVerifiedWorkflow(req.scope).run({
    input: { auth_identity_id: account.auth_identity_id, entity_id: account.entity_id, admin_id: req.auth_context.actor_id },
  })
  res.json({
    customer_id: account.customer_id,
    email_verification: await emailVerificationState(req.scope, account, accountSecurity(req.scope).getOptions().emailVerification),
  })
}
