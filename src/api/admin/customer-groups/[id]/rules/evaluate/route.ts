import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import type { AdminEvaluateCustomerGroupRulesResponse } from "../../../../../../types/customer-group-rule"
import { backfillCustomerGroupRulesWorkflow } from "../../../../../../workflows/customer-group-rule"
import { fetchCustomerGroupOrThrow } from "../../../../../utils/customers"

/**
 * Starts re-evaluating the group for every customer and answers at once
 * (202) with the workflow's transaction id; the result lands in the group's
 * `last_run` (GET .../rules).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminEvaluateCustomerGroupRulesResponse>
) => {
  const groupId = req.params.id
  await fetchCustomerGroupOrThrow(req.scope, groupId)
  const transactionId = `cam-backfill-${randomUUID()}`
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  backfillCustomerGroupRulesWorkflow(req.scope)
    .run({ input: { customer_group_id: groupId }, context: { transactionId } })
    .catch((error: unknown) =>
      logger.error(`medusa-customer-accounts: group backfill ${transactionId} failed: ${String(error)}`)
    )
  res.status(202).json({ transaction_id: transactionId })
}
