import { z } from "zod"
import { CAPABILITIES } from "../../../../lib/permissions/capabilities"

/** `POST /admin/customer-accounts/permissions/:user_id`: the user's capabilities, replaced as a whole. */
export const AdminSetStaffPermissions = z
  .object({
    capabilities: z.array(z.enum(CAPABILITIES)).max(CAPABILITIES.length * 2),
  })
  .strict()

export type AdminSetStaffPermissionsType = z.infer<typeof AdminSetStaffPermissions>
