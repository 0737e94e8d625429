import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminMyPermissionsResponse } from "../../../../../types/staff-permissions"
import { capabilitiesOfActor } from "../../../../utils/staff-permissions"

/** What the current Back Office user may do (the widgets disable what they may not). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminMyPermissionsResponse>) => {
  const { mode, owner, effective } = await capabilitiesOfActor(req.scope, req.auth_context)
  res.json({ mode, owner, capabilities: effective })
}
