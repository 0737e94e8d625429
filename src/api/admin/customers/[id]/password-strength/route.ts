import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminPasswordStrengthResponse } from "../../../../../types/account-security"
import { customerWithPasswordAccount } from "../../../../utils/customers"
import { accountSecurity } from "../../../../utils/account-security"
import { passwordContextFor } from "../../../../../lib/password-policy/password-context"
import type { AdminSetCustomerPasswordType } from "../password/validators"

/**
 * The policy's verdict on a password an admin is about to set for this
 * customer (their e-mail and names as context; history not checked).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSetCustomerPasswordType>,
  res: MedusaResponse<AdminPasswordStrengthResponse>
) => {
  const account = await customerWithPasswordAccount(req.scope, req.params.id)
  const context = await passwordContextFor(req.scope, account.entity_id, account)
  res.json({
    strength: accountSecurity(req.scope).passwords.check(req.validatedBody.password, context),
  })
}
