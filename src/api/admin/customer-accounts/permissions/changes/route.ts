import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { capabilitiesFrom } from "../../../../../lib/permissions/capabilities"
import type { AdminStaffPermissionChangesResponse } from "../../../../../types/staff-permissions"
import { customerAccounts } from "../../../../utils/staff-permissions"

const LIMIT = 100

/** The audit trail of staff permissions, newest first (the last 100). */
export const GET = async (req: MedusaRequest, res: MedusaResponse<AdminStaffPermissionChangesResponse>) => {
  const [rows, count] = await customerAccounts(req.scope).listAndCountStaffPermissionChanges(
    {},
    { order: { created_at: "DESC" }, take: LIMIT }
  )
  const ids = [...new Set(rows.flatMap((row) => [row.user_id, row.actor_id]))]
  const users = ids.length ? await req.scope.resolve(Modules.USER).listUsers({ id: ids }, { select: ["id", "email"] }) : []
  const emailOf = (id: string) => {
    const user = users.find((candidate) => candidate.id === id)
    return user ? { email: user.email } : null
  }
  res.json({
    changes: rows.map((row) => ({
      id: row.id,
      user_id: row.user_id,
      actor_id: row.actor_id,
      before: capabilitiesFrom(row.before),
      after: capabilitiesFrom(row.after),
      created_at: new Date(row.created_at).toISOString(),
      user: emailOf(row.user_id),
      actor: emailOf(row.actor_id),
    })),
    count,
  })
}
