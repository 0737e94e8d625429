import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminCustomerSecurityResponse } from "../../../../../types/account-security"
import { customerIdentifier } from "../../../../utils/customers"
import { loginSecurityOf } from "../../../../utils/login-security"

/**
 * Lock status, counters, the last 20 login attempts of a customer, and the
 * IP blocks that stand in the customer's way.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCustomerSecurityResponse>
) => {
  const identifier = await customerIdentifier(req.scope, req.params.id)
  res.json({ security: await loginSecurityOf(req.scope, identifier) })
}
