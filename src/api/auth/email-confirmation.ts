import { randomUUID } from "node:crypto"
import type { MedusaRequest } from "@medusajs/framework/http"
import type { AuthTypes, Context, IAuthModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { isEmailChangeVerification } from "../../lib/email/email-change"
import { EMAIL_ENTITY_TYPE } from "../../lib/email/verification"
import { CustomerAccountEvents } from "../../lib/events"
import { customerIdOfIdentity } from "../../lib/identity/auth-identity"
import { completeEmailChangeWorkflow } from "../../workflows/customer-email/workflows/complete-email-change"
import { currentSession } from "./session-gate"

/**
 * `confirmAuthVerification` of the guarded auth module. A confirmed
 * `email_change` verification completes the change
 * (`completeEmailChangeWorkflow`: the login moves, or the confirmation is
 * taken back). Medusa's verification confirm emits nothing: once an address
 * is confirmed, `customer_account.email_verified` says so (after the
 * answer's work, never failing it).
 */
export async function confirmEmailVerification(
  req: MedusaRequest,
  auth: IAuthModuleService,
  data: AuthTypes.ConfirmAuthVerificationDTO,
  sharedContext?: Context
): Promise<AuthTypes.ConfirmAuthVerificationResponse> {
  const confirmed = await auth.confirmAuthVerification(data, sharedContext)
  if (!confirmed?.verified_at || confirmed.entity_type !== EMAIL_ENTITY_TYPE) {
    return confirmed
  }
  // The customer whose login moves: the identity's own account, if this is a change.
  const customerId = isEmailChangeVerification(req.scope, confirmed)
    ? await customerIdOfIdentity(req.scope, confirmed.auth_identity_id)
    : null
  if (customerId) {
    await completeEmailChangeWorkflow(req.scope).run({
      input: {
        verification_id: confirmed.id,
        auth_identity_id: confirmed.auth_identity_id,
        customer_id: customerId,
        to: confirmed.entity_id,
        keep_session_id: currentSession(req)?.id ?? null,
      },
    })
  }
  // Straight on the bus: the write was Medusa's own confirmation, done.
  await req.scope
    .resolve(Modules.EVENT_BUS)
    .emit({
      name: CustomerAccountEvents.EMAIL_VERIFIED,
      data: {
        event_id: randomUUID(),
        entity_id: confirmed.entity_id,
        auth_identity_id: confirmed.auth_identity_id,
        verified_at: new Date(confirmed.verified_at).toISOString(),
      },
    })
    .catch(() => undefined)
  return confirmed
}
