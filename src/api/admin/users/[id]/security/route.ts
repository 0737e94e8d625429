import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminUserSecurityResponse } from "../../../../../types/account-security"
import { userIdentifier } from "../../../../utils/customers"
import { loginSecurityOf } from "../../../../utils/login-security"

/**
 * A Back Office user's lockout: lock status, counters, the last 20 login
 * attempts on the user's e-mail (through any route) and the IP blocks that
 * stand in the user's way.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminUserSecurityResponse>
) => {
  const identifier = await userIdentifier(req.scope, req.params.id)
  res.json({ security: await loginSecurityOf(req.scope, identifier) })
}
