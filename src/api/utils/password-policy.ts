import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { PasswordValidationResult } from "../../lib/password-policy"
import { ACCOUNT_SECURITY_MODULE } from "../../modules/account-security"
import type AccountSecurityModuleService from "../../modules/account-security/service"

export function accountSecurity(scope: MedusaContainer): AccountSecurityModuleService {
  return scope.resolve(ACCOUNT_SECURITY_MODULE)
}

/**
 * The policy's refusal, in Medusa's error shape plus the list of failed
 * rules: `{ type: "invalid_data", message, errors: [{ code, message }] }`.
 */
export function sendPasswordPolicyError(
  // Any route's response: the error body replaces its success shape.
  res: MedusaResponse<any>,
  result: Pick<PasswordValidationResult, "errors">
): void {
  res.status(400).json({
    type: "invalid_data",
    message: `The password does not meet the password policy: ${result.errors
      .map((error) => error.message)
      .join(" ")}`,
    errors: result.errors,
  })
}
