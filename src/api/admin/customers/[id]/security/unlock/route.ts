import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminUnlockCustomerResponse } from "../../../../../../types/account-security"
import { unlockAccountWorkflow } from "../../../../../../workflows/account-security"
import { adminLabel, customerIdentifier } from "../../../../../utils/customers"

/** Lifts a lock and clears the counters; leaves a system note naming the admin. */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminUnlockCustomerResponse>
) => {
  const customerId = req.params.id
  const identifier = await customerIdentifier(req.scope, customerId)
  const actorId = req.auth_context.actor_id
  const { result } = await unlockAccountWorkflow(req.scope).run({
    input: {
      identifier,
      customer_id: customerId,
      actor: { type: "admin", id: actorId, label: await adminLabel(req.scope, actorId) },
    },
  })
  res.json({ customer_id: customerId, unlocked: true, was_locked: result.was_locked })
}
