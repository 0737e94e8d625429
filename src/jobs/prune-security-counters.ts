import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNT_SECURITY_MODULE } from "../modules/account-security"
import type AccountSecurityModuleService from "../modules/account-security/service"

const DAY_SECONDS = 86_400

/**
 * Deletes rate-limit counters (reset and verification requests, used MFA
 * codes) whose window ended long ago: one row per address ever asked for
 * would otherwise stay forever. A counter older than every window counts
 * as absent, so nothing a limit still needs goes.
 */
export default async function pruneSecurityCountersJob(container: MedusaContainer) {
  const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
  const { passwordReset, emailVerification } = security.getOptions()
  const longestWindow = Math.max(passwordReset.windowSeconds, emailVerification.windowSeconds, DAY_SECONDS)
  const removed = await security.quotas.prune(longestWindow + DAY_SECONDS)
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(`medusa-customer-accounts: pruned ${removed} expired rate-limit counter(s)`)
}

export const config = {
  name: "cam-prune-security-counters",
  // Every day at 03:29, off the hour and after the attempt log's prune.
  schedule: "29 3 * * *",
}
