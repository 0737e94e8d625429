import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { StoreEmailVerificationResponse } from "../../../../../types/account-security"
import { emailVerificationRow, verificationState } from "../../../../../lib/email/verification"
import { findEmailpassIdentityOf } from "../../../../../lib/identity/auth-identity"
import { accountSecurity } from "../../../../utils/account-security"

/**
 * Whether the logged-in customer's login address is verified, and whether
 * the shop requires it (core `authenticate` covers /store/customers/me*).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreEmailVerificationResponse>) => {
  const login = await findEmailpassIdentityOf(req.scope, req.auth_context.auth_identity_id)
  if (!login) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "This account has no login with an e-mail address and password")
  }
  const { required } = accountSecurity(req.scope).getOptions().emailVerification
  res.json({
    email_verification: { ...verificationState(login.entity_id, await emailVerificationRow(req.scope, login)), required },
  })
}
