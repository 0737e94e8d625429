import type { MedusaResponse } from "@medusajs/framework/http"
import type { PasswordValidationResult } from "../../lib/password-policy"

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
