import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PasswordValidationError, PasswordValidationResult } from "../../../lib/password-policy"
import { vetNewPassword } from "../../../lib/password-policy/password-vetting"

/**
 * A password the policy refused: a 400 whose message lists the failed rules,
 * with the rules themselves in `errors` for routes that answer them.
 */
export class PasswordPolicyError extends MedusaError {
  readonly errors: PasswordValidationError[]

  constructor(result: PasswordValidationResult) {
    super(
      MedusaError.Types.INVALID_DATA,
      `The password does not meet the password policy: ${result.errors.map((error) => error.message).join(" ")}`
    )
    this.errors = result.errors
  }
}

/**
 * The failed rules of a {@link PasswordPolicyError} thrown by a workflow run,
 * else null. The workflow engine hands the error back as a plain object
 * (its class is gone), so it is recognized by its shape.
 */
export function passwordPolicyErrors(error: unknown): PasswordValidationError[] | null {
  const candidate = error as { type?: unknown; errors?: unknown } | null
  return candidate?.type === MedusaError.Types.INVALID_DATA && Array.isArray(candidate.errors)
    ? (candidate.errors as PasswordValidationError[])
    : null
}

export type ValidatePasswordPolicyStepInput = {
  /** The e-mail the emailpass identity is (or will be) registered under. */
  entity_id: string
  password: string
}

export const validatePasswordPolicyStepId = "cam-validate-password-policy"

/**
 * Refuses a password the policy rejects (rules, then the history), before
 * anything is written. Every exported workflow that stores a password starts
 * with it, so running one directly cannot skip the policy. Reads only:
 * nothing to compensate.
 */
export const validatePasswordPolicyStep = createStep(
  validatePasswordPolicyStepId,
  async (input: ValidatePasswordPolicyStepInput, { container }) => {
    const verdict = await vetNewPassword(container, input.entity_id, input.password)
    if (!verdict.valid) {
      throw new PasswordPolicyError(verdict)
    }
    return new StepResponse(void 0)
  }
)
