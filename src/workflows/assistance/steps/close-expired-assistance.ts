import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNT_SECURITY_MODULE } from "../../../modules/account-security"
import type AccountSecurityModuleService from "../../../modules/account-security/service"

export const closeExpiredAssistanceStepId = "cam-close-expired-assistance"

/**
 * Marks assisted sessions past their end as ended (each once, whichever
 * instance runs it) and returns them for the "ended by expiry" events. The
 * sessions were unusable already (past `ends_at`): nothing to compensate.
 */
export const closeExpiredAssistanceStep = createStep(closeExpiredAssistanceStepId, async (_: void, { container }) => {
  const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
  const closed = await security.assistance.closeExpired()
  return new StepResponse(
    closed.map((session) => ({ session_id: session.id, customer_id: session.customer_id, user_id: session.assisted_by }))
  )
})
