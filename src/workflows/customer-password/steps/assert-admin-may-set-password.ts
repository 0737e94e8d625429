import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNT_SECURITY_MODULE } from "../../../modules/account-security"
import type AccountSecurityModuleService from "../../../modules/account-security/service"

export const assertAdminMaySetPasswordStepId = "cam-assert-admin-may-set-password"

/**
 * Refuses (403) unless the merchant enabled `allowAdminSetPassword`, so that
 * running the admin workflow directly cannot set a password the option
 * forbids. Reads only: nothing to compensate.
 */
export const assertAdminMaySetPasswordStep = createStep(
  assertAdminMaySetPasswordStepId,
  async (_: void, { container }) => {
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    if (!security.getOptions().allowAdminSetPassword) {
      throw new MedusaError(
        MedusaError.Types.FORBIDDEN,
        "Setting a customer's password is disabled. Send a reset link instead, or enable the allowAdminSetPassword option."
      )
    }
    return new StepResponse(void 0)
  }
)
