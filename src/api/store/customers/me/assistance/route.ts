import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { currentSession } from "../../../../auth/session-gate"
import { accountSecurity } from "../../../../utils/account-security"

type AssistanceResponse = {
  assistance:
    | { assisted: false }
    | { assisted: true; by: { first_name: string | null }; reason: string; expires_at: string }
}

/**
 * Whether this session is an assisted one, for the storefront's banner
 * ("Signed in by store staff (Jane)"): the staff member's first name only,
 * the reason they gave and when the session ends.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AssistanceResponse>) => {
  const session = currentSession(req)
  if (!session?.assisted_by) {
    res.json({ assistance: { assisted: false } })
    return
  }
  const [running] = (await accountSecurity(req.scope).assistance.running(req.auth_context.auth_identity_id)).filter(
    (row) => row.id === session.id
  )
  const [user] = await req.scope
    .resolve(Modules.USER)
    .listUsers({ id: session.assisted_by }, { select: ["id", "first_name"], withDeleted: true })
  res.json({
    assistance: {
      assisted: true,
      by: { first_name: user?.first_name ?? null },
      reason: running?.assistance_reason ?? "",
      expires_at: running ? new Date(running.ends_at).toISOString() : new Date().toISOString(),
    },
  })
}
