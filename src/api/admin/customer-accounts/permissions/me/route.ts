import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CAPABILITIES } from "../../../../../lib/permissions/capabilities"
import type { AdminMyPermissionsResponse } from "../../../../../types/staff-permissions"
import { customerAccounts } from "../../../../utils/staff-permissions"

/** What the current Back Office user may do (the widgets hide what they may not). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminMyPermissionsResponse>) => {
  const accounts = customerAccounts(req.scope)
  const { actor_type, actor_id } = req.auth_context
  const [user] =
    actor_type === "user" ? await req.scope.resolve(Modules.USER).listUsers({ id: actor_id }, { select: ["id", "email"] }) : []
  if (!user) {
    // A secret API key: everything in open mode, nothing when enforced.
    const { mode } = accounts.getStaffPermissionOptions()
    res.json({ mode, owner: false, capabilities: mode === "open" ? [...CAPABILITIES] : [] })
    return
  }
  const { mode, owner, effective } = await accounts.capabilitiesOf(user)
  res.json({ mode, owner, capabilities: effective })
}
