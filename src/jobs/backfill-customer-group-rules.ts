import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { backfillCustomerGroupRulesWorkflow } from "../workflows/customer-group-rule"

/**
 * Nightly re-evaluation of every automatic group, for facts that change
 * without an event (e.g. `created_before` dates passing).
 */
export default async function backfillCustomerGroupRulesJob(container: MedusaContainer) {
  const { result } = await backfillCustomerGroupRulesWorkflow(container).run({ input: {} })
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(
      `medusa-customer-accounts: group rules ${result.skipped ? "skipped (already running)" : `evaluated ${result.evaluated} customer(s), +${result.added} -${result.removed}`}`
    )
}

export const config = {
  name: "cam-backfill-customer-group-rules",
  schedule: "43 2 * * *",
}
