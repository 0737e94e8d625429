import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CAPABILITIES } from "../../../../lib/permissions/capabilities"
import type { AdminStaffPermissionsResponse } from "../../../../types/staff-permissions"
import { customerAccounts, staffMembers } from "../../../utils/staff-permissions"

/** Every Back Office user with what they were granted and what they may do now. */
export const GET = async (req: MedusaRequest, res: MedusaResponse<AdminStaffPermissionsResponse>) => {
  res.json({
    mode: customerAccounts(req.scope).getStaffPermissionOptions().mode,
    capabilities: [...CAPABILITIES],
    users: await staffMembers(req.scope),
  })
}
