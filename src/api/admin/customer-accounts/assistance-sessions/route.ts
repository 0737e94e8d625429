import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { accountSecurity } from "../../../utils/account-security"
import { assistedSessionsJson } from "../../../utils/assistance"

/** Every assisted session running now, newest first (Settings > Customer accounts). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const running = await accountSecurity(req.scope).assistance.running()
  res.json({ sessions: await assistedSessionsJson(req.scope, running, true) })
}
