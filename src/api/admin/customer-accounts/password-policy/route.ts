import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminPasswordPolicyResponse } from "../../../../types/account-security"
import { accountSecurity } from "../../../utils/account-security"

/** The policy and the admin password options, for the admin's password form. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminPasswordPolicyResponse>
) => {
  const security = accountSecurity(req.scope)
  res.json({
    password_policy: security.passwords.describe(),
    allow_admin_set_password: security.getOptions().allowAdminSetPassword,
  })
}
