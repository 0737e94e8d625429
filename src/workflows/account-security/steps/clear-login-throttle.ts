import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNT_SECURITY_MODULE } from "../../../modules/account-security"
import type AccountSecurityModuleService from "../../../modules/account-security/service"
import type { ThrottleScope } from "../../../modules/account-security/service"

export type ClearLoginThrottleStepInput = { scope: ThrottleScope; key: string }

export const clearLoginThrottleStepId = "cam-clear-login-throttle"

/**
 * Clears the failed-login count and lock of one identifier or IP; returns
 * whether it was locked. Compensation puts the row back as it was.
 */
export const clearLoginThrottleStep = createStep(
  clearLoginThrottleStepId,
  async (input: ClearLoginThrottleStepInput, { container }) => {
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    const { was_locked, previous } = await security.lockout.clear(input.scope, input.key)
    return new StepResponse({ was_locked }, previous ? { ...input, previous } : null)
  },
  async (cleared, { container }) => {
    if (!cleared) {
      return
    }
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    await security.lockout.restore(cleared.scope, cleared.key, cleared.previous)
  }
)
