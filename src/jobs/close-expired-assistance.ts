import type { MedusaContainer } from "@medusajs/framework/types"
import { ACCOUNT_SECURITY_MODULE } from "../modules/account-security"
import type AccountSecurityModuleService from "../modules/account-security/service"
import { closeExpiredAssistanceWorkflow } from "../workflows/assistance"

/**
 * Every minute: assisted sessions past `assistance.maxMinutes` are recorded
 * as ended by expiry (timeline, running-session lists). They were refused
 * from their end on already (the session check); this only reports it, once
 * per session whichever instance runs.
 */
export default async function closeExpiredAssistanceJob(container: MedusaContainer) {
  const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
  if (!security.assistance.options.enabled) {
    return
  }
  await closeExpiredAssistanceWorkflow(container).run()
}

export const config = {
  name: "cam-close-expired-assistance",
  schedule: "* * * * *",
}
