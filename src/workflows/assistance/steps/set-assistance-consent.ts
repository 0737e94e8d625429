import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNT_SECURITY_MODULE } from "../../../modules/account-security"
import type AccountSecurityModuleService from "../../../modules/account-security/service"
import type { ConsentRow } from "../../../modules/account-security/repositories/assistance"

export type SetAssistanceConsentStepInput = { customer_id: string; allow: boolean; hours: number | null }

export const setAssistanceConsentStepId = "cam-set-assistance-consent"

/** Gives or takes back the customer's consent; compensation puts the previous one back. */
export const setAssistanceConsentStep = createStep(
  setAssistanceConsentStepId,
  async (input: SetAssistanceConsentStepInput, { container }) => {
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    const previous = input.allow
      ? await security.assistance.grant(input.customer_id, input.hours)
      : await security.assistance.withdraw(input.customer_id)
    const state = await security.assistance.consentOf(input.customer_id)
    return new StepResponse(
      { allowed: state.allowed, expires_at: state.expires_at?.toISOString() ?? null },
      { customer_id: input.customer_id, previous }
    )
  },
  async (undo: { customer_id: string; previous: ConsentRow | null } | undefined, { container }) => {
    if (!undo) {
      return
    }
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    await security.assistance.restoreConsent(undo.customer_id, undo.previous)
  }
)
