import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { PasswordPolicySummary } from "../../../lib/password-policy"
import { accountSecurity } from "../../utils/account-security"

/** The effective password policy, for storefront hints next to password fields. */
export const GET = async (
  req: MedusaRequest,
  res: MedusaResponse<{ password_policy: PasswordPolicySummary }>
) => {
  res.json({ password_policy: accountSecurity(req.scope).passwords.describe() })
}
