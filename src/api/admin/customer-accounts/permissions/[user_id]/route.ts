import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { AdminSetStaffPermissionsResponse } from "../../../../../types/staff-permissions"
import { setStaffPermissionsWorkflow } from "../../../../../workflows/staff-permissions"
import { staffMembers } from "../../../../utils/staff-permissions"
import type { AdminSetStaffPermissionsType } from "../validators"

/**
 * Replaces a Back Office user's capabilities (needs `permissions.manage`):
 * recorded on the audit trail with the acting user.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSetStaffPermissionsType>,
  res: MedusaResponse<AdminSetStaffPermissionsResponse>
) => {
  const userId = req.params.user_id
  await setStaffPermissionsWorkflow(req.scope).run({
    input: { user_id: userId, capabilities: req.validatedBody.capabilities, actor_id: req.auth_context.actor_id },
  })
  const [user] = await staffMembers(req.scope, [userId])
  if (!user) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `User with id: ${userId} was not found`)
  }
  res.json({ user })
}
