import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNT_SECURITY_MODULE } from "../../../modules/account-security"
import type AccountSecurityModuleService from "../../../modules/account-security/service"

export type IssueAssistanceCodeStepInput = {
  customer_id: string
  auth_identity_id: string
  user_id: string
  user_session_id: string | null
  reason: string
  /** The SHA-256 of the code the route keeps (newAssistanceCode): the code never enters the workflow. */
  code_hash: string
}

export const issueAssistanceCodeStepId = "cam-issue-assistance-code"

/** The customer's consent no longer holds (the route checks first; this closes the race). */
export class AssistanceConsentRequiredError extends MedusaError {
  constructor() {
    super(MedusaError.Types.NOT_ALLOWED, "The customer has not allowed shopping assistance.")
  }
}

/**
 * Stores the one-time code of an assisted session (by its hash), if consent
 * holds. Compensation deletes it.
 */
export const issueAssistanceCodeStep = createStep(
  issueAssistanceCodeStepId,
  async (input: IssueAssistanceCodeStepInput, { container }) => {
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    if (!(await security.assistance.mayAssist(input.customer_id))) {
      throw new AssistanceConsentRequiredError()
    }
    const issued = await security.assistance.issueCode(input)
    return new StepResponse({ id: issued.id, expires_at: issued.expires_at.toISOString() }, issued.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    await security.assistance.deleteCode(id)
  }
)
