import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNT_ACTIVITY_MODULE } from "../modules/account-activity"
import type AccountActivityModuleService from "../modules/account-activity/service"

/** Deletes account activity entries older than `activity.retentionDays`: the table stays bounded. */
export default async function pruneAccountActivityJob(container: MedusaContainer) {
  const activity: AccountActivityModuleService = container.resolve(ACCOUNT_ACTIVITY_MODULE)
  const removed = await activity.pruneExpired()
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(`medusa-customer-accounts: pruned ${removed} account activity entr${removed === 1 ? "y" : "ies"}`)
}

export const config = {
  name: "cam-prune-account-activity",
  // Every day at 03:37, after the login-attempt pruning.
  schedule: "37 3 * * *",
}
