import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { endAssistanceWorkflow } from "../../../../../../workflows/assistance"
import { customerWithPasswordAccount } from "../../../../../utils/customers"
import type { AdminEndAssistanceType } from "../validators"

/** Ends the customer's running assisted sessions (or the one named) on every instance at once. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminEndAssistanceType>, res: MedusaResponse<{ ended: number }>) => {
  const account = await customerWithPasswordAccount(req.scope, req.params.id)
  const { result } = await endAssistanceWorkflow(req.scope).run({
    input: {
      customer_id: account.customer_id,
      auth_identity_id: account.auth_identity_id,
      session_id: req.validatedBody.session_id ?? null,
      actor_id: req.auth_context.actor_id,
    },
  })
  res.json({ ended: result.length })
}
