import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminUnblockUserIpResponse } from "../../../../../../types/account-security"
import { unblockLoginIpWorkflow } from "../../../../../../workflows/account-security"
import { adminLabel, userIdentifier } from "../../../../../utils/customers"
import { recentAttemptIpOrThrow } from "../../../../../utils/login-security"
import type { AdminUnblockIpType } from "../validators"

/**
 * Lifts the block on an IP this Back Office user was tried from in the last
 * 24 h and clears its count; emits `user_account.ip_unblocked`. Only such
 * IPs can be unblocked here.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUnblockIpType>,
  res: MedusaResponse<AdminUnblockUserIpResponse>
) => {
  const userId = req.params.id
  const identifier = await userIdentifier(req.scope, userId)
  const ip = await recentAttemptIpOrThrow(req.scope, identifier, req.validatedBody.ip, `User ${userId}`)
  const actorId = req.auth_context.actor_id
  const { result } = await unblockLoginIpWorkflow(req.scope).run({
    input: { user_id: userId, ip, admin: { id: actorId, label: await adminLabel(req.scope, actorId) } },
  })
  res.json({ user_id: userId, ip, unblocked: true, was_blocked: result.was_locked })
}
