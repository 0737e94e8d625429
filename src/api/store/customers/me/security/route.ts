import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreCustomerSecurityResponse } from "../../../../../types/account-security"
import { passwordChangeOf } from "../../../../utils/login-security"

/**
 * What the storefront should ask of the logged-in customer for their
 * account's safety: `password_change` is set (reason "breached", since when)
 * while their password, found in a data breach at a login
 * (`passwordPolicy.breachedPasswords.checkOnLogin`), has not been changed.
 * Read for the session's own identity, never by e-mail.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreCustomerSecurityResponse>
) => {
  res.json({ security: { password_change: await passwordChangeOf(req.scope, req.auth_context.auth_identity_id) } })
}
