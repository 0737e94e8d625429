import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerMfaResponse } from "../../../../../types/account-security"
import { mfaFactorsOf } from "../../../../../lib/mfa/mfa-factors"
import { customerWithPasswordAccount } from "../../../../utils/customers"

/** The customer's MFA factors (Medusa's own, never their secrets): type, state, since when. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerMfaResponse>) => {
  const account = await customerWithPasswordAccount(req.scope, req.params.id)
  const mfa_factors = await mfaFactorsOf(req.scope, account.auth_identity_id)
  res.json({
    customer_id: account.customer_id,
    enabled: mfa_factors.some((factor) => factor.status === "enabled"),
    mfa_factors,
  })
}
