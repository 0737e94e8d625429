import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminUnlockUserResponse } from "../../../../../../types/account-security"
import { unlockAccountWorkflow } from "../../../../../../workflows/account-security"
import { adminLabel, userIdentifier } from "../../../../../utils/customers"

/**
 * Lifts a Back Office user's lock and clears the counters; emits
 * `user_account.unlocked` naming the admin who did it.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminUnlockUserResponse>
) => {
  const userId = req.params.id
  const identifier = await userIdentifier(req.scope, userId)
  const actorId = req.auth_context.actor_id
  const { result } = await unlockAccountWorkflow(req.scope).run({
    input: {
      identifier,
      user_id: userId,
      actor: { type: "admin", id: actorId, label: await adminLabel(req.scope, actorId) },
    },
  })
  res.json({ user_id: userId, unlocked: true, was_locked: result.was_locked })
}
