import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminPasswordStrengthResponse } from "../../../../../types/account-security"
import { customerWithPasswordAccount } from "../../../../utils/customers"
import { accountSecurity } from "../../../../utils/account-security"
import { passwordContextFor } from "../../../../../lib/password-policy/password-context"
import { sharedRangeCache } from "../../../../../lib/password-policy/range-cache"
import type { AdminSetCustomerPasswordType } from "../password/validators"

/**
 * The policy's verdict on a password an admin is about to set for this
 * customer (their e-mail and names as context; the breach screen when the
 * rules pass; history not checked).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSetCustomerPasswordType>,
  res: MedusaResponse<AdminPasswordStrengthResponse>
) => {
  const account = await customerWithPasswordAccount(req.scope, req.params.id)
  const context = await passwordContextFor(req.scope, account.entity_id, account)
  res.json({
    strength: await accountSecurity(req.scope).passwords.checkStrength(
      req.validatedBody.password,
      context,
      sharedRangeCache(req.scope)
    ),
  })
}
