import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminResetCustomerMfaResponse } from "../../../../../../types/account-security"
import { mfaFactorsOf } from "../../../../../../lib/mfa/mfa-factors"
import { resetCustomerMfaWorkflow } from "../../../../../../workflows/customer-mfa"
import { customerWithPasswordAccount } from "../../../../../utils/customers"

/**
 * Removes the customer's MFA factors and recovery codes (a lost phone), on
 * the calling admin's word: recorded on the timeline with the admin, and
 * the customer is told by e-mail.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminResetCustomerMfaResponse>) => {
  const account = await customerWithPasswordAccount(req.scope, req.params.id)
  const { result: removed } = await resetCustomerMfaWorkflow(req.scope).run({
    input: {
      customer_id: account.customer_id,
      auth_identity_id: account.auth_identity_id,
      admin_id: req.auth_context.actor_id,
    },
  })
  const mfa_factors = await mfaFactorsOf(req.scope, account.auth_identity_id)
  res.json({
    customer_id: account.customer_id,
    enabled: mfa_factors.some((factor) => factor.status === "enabled"),
    mfa_factors,
    removed,
  })
}
