import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { setAssistanceConsentWorkflow } from "../../../../../workflows/assistance"
import { accountSecurity } from "../../../../utils/account-security"
import { consentJson } from "../../../../utils/assistance"
import type { StoreSetAssistanceConsentType } from "./validators"

type ConsentResponse = { assistance_consent: ReturnType<typeof consentJson> }

/** Whether the customer allows store staff to sign in as them (shopping assistance), and until when. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<ConsentResponse>) => {
  const state = await accountSecurity(req.scope).assistance.consentOf(req.auth_context.actor_id)
  res.json({ assistance_consent: consentJson(state) })
}

/**
 * Gives consent (for `hours`, or until taken back) or takes it back, which
 * also ends assisted sessions running now. Not from an assisted session.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreSetAssistanceConsentType>,
  res: MedusaResponse<ConsentResponse>
) => {
  const assistance = accountSecurity(req.scope).assistance
  const { allow, hours } = req.validatedBody
  const { maxConsentHours } = assistance.options
  if (hours && hours > maxConsentHours) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `hours: must be at most ${maxConsentHours}`)
  }
  await setAssistanceConsentWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context.actor_id,
      auth_identity_id: req.auth_context.auth_identity_id,
      allow,
      hours: allow ? (hours ?? null) : null,
    },
  })
  res.json({ assistance_consent: consentJson(await assistance.consentOf(req.auth_context.actor_id)) })
}
