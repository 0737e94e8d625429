import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNT_SECURITY_MODULE } from "../../../modules/account-security"
import type AccountSecurityModuleService from "../../../modules/account-security/service"
import { identitiesOfActor } from "../../../lib/identity/auth-identity"

export type ForgetAccountSessionsStepInput = { customer_id: string }

export const forgetAccountSessionsStepId = "cam-forget-account-sessions"

/**
 * An erasure's first act: every session of the customer's logins ends at
 * once and its record (IPs, browsers) is deleted; the identities' cut-off
 * refuses any token issued before. Runs before the logins are deleted, so a
 * token of theirs cannot write back onto the anonymized record. Not
 * compensated: a failed erasure leaves the sessions ended, which is the safe
 * side (running it again finishes the erasure).
 */
export const forgetAccountSessionsStep = createStep(
  forgetAccountSessionsStepId,
  async (input: ForgetAccountSessionsStepInput, { container }) => {
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    const identities = await identitiesOfActor(container, { customer_id: input.customer_id })
    const forgotten = await security.sessions.forget(identities.map((identity) => identity.id))
    return new StepResponse({ forgotten })
  }
)
