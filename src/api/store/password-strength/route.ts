import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { PasswordValidationResult } from "../../../lib/password-policy"
import { accountSecurity } from "../../utils/password-policy"
import { passwordContextFor } from "../../../workflows/customer-password/password-context"
import type { StorePasswordStrengthType } from "./validators"

/**
 * Live strength meter: the policy's verdict for a candidate password. The
 * password is neither logged nor stored; history is not checked here (that
 * would need the account and cost scrypt work per keystroke).
 */
export const POST = async (
  req: MedusaRequest<StorePasswordStrengthType>,
  res: MedusaResponse<{ strength: PasswordValidationResult }>
) => {
  const { password, email, first_name, last_name } = req.validatedBody
  const context = await passwordContextFor(req.scope, email, {
    first_name: first_name ?? null,
    last_name: last_name ?? null,
  })
  res.json({ strength: accountSecurity(req.scope).passwords.check(password, context) })
}
