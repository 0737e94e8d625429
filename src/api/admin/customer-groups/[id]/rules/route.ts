import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminCustomerGroupRulesResponse } from "../../../../../types/customer-group-rule"
import { setCustomerGroupRulesWorkflow } from "../../../../../workflows/customer-group-rule"
import { fetchCustomerGroupOrThrow } from "../../../../utils/customers"
import { readRuleSet } from "../../../../utils/group-rules"
import type { AdminSetCustomerGroupRulesType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCustomerGroupRulesResponse>
) => {
  await fetchCustomerGroupOrThrow(req.scope, req.params.id)
  res.json({ rule_set: await readRuleSet(req.scope, req.params.id) })
}

/**
 * Replaces the group's rules (an empty list makes the group manual again;
 * the next evaluation then removes the memberships rules had made).
 * Currencies must exist in Medusa's currency module.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSetCustomerGroupRulesType>,
  res: MedusaResponse<AdminCustomerGroupRulesResponse>
) => {
  const groupId = req.params.id
  const { match, rules } = req.validatedBody
  await setCustomerGroupRulesWorkflow(req.scope).run({
    input: { customer_group_id: groupId, match, rules },
  })
  res.json({ rule_set: await readRuleSet(req.scope, groupId) })
}
