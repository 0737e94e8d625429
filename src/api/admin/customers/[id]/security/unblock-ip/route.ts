import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminUnblockIpResponse } from "../../../../../../types/account-security"
import { unblockLoginIpWorkflow } from "../../../../../../workflows/account-security"
import { adminLabel, customerIdentifier } from "../../../../../utils/customers"
import { recentAttemptIpOrThrow } from "../../../../../utils/login-security"
import type { AdminUnblockIpType } from "../validators"

/**
 * Lifts the block on an IP this customer was tried from in the last 24 h
 * (an office or a mobile carrier's shared address, say) and clears its
 * count; leaves a system note naming the admin. Only such IPs can be
 * unblocked here, so the route cannot be used to lift blocks at large.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUnblockIpType>,
  res: MedusaResponse<AdminUnblockIpResponse>
) => {
  const customerId = req.params.id
  const identifier = await customerIdentifier(req.scope, customerId)
  const ip = await recentAttemptIpOrThrow(req.scope, identifier, req.validatedBody.ip, `Customer ${customerId}`)
  const actorId = req.auth_context.actor_id
  const { result } = await unblockLoginIpWorkflow(req.scope).run({
    input: {
      customer_id: customerId,
      ip,
      admin: { id: actorId, label: await adminLabel(req.scope, actorId) },
    },
  })
  res.json({ customer_id: customerId, ip, unblocked: true, was_blocked: result.was_locked })
}
