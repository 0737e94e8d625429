import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNT_SECURITY_MODULE } from "../modules/account-security"
import type AccountSecurityModuleService from "../modules/account-security/service"

/** Deletes login-attempt log entries older than `lockout.retentionDays`. */
export default async function pruneLoginAttemptsJob(container: MedusaContainer) {
  const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
  const removed = await security.lockout.pruneLog(security.getOptions().lockout.retentionDays)
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(`medusa-customer-accounts: pruned ${removed} login attempt(s)`)
}

export const config = {
  name: "cam-prune-login-attempts",
  // Every day at 03:17, off the hour to spread load.
  schedule: "17 3 * * *",
}
