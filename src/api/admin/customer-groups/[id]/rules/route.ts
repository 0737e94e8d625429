import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_GROUP_RULE_MODULE } from "../../../../../modules/customer-group-rule"
import type CustomerGroupRuleModuleService from "../../../../../modules/customer-group-rule/service"
import type { AdminCustomerGroupRulesResponse } from "../../../../../types/customer-group-rule"
import { assertGroupExists, readRuleSet } from "./helpers"
import type { AdminSetCustomerGroupRulesType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCustomerGroupRulesResponse>
) => {
  await assertGroupExists(req.scope, req.params.id)
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
  await assertGroupExists(req.scope, groupId)
  const { match, rules } = req.validatedBody

  const codes = [...new Set(rules.flatMap((rule) => (rule.type === "total_spent" ? [rule.currency_code] : [])))]
  if (codes.length) {
    const known = await req.scope
      .resolve(Modules.CURRENCY)
      .listCurrencies({ code: codes }, { select: ["code"] })
    const unknown = codes.filter((code) => !known.some((currency) => currency.code === code))
    if (unknown.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `rules: unknown currency ${unknown.join(", ")}`
      )
    }
  }

  const service: CustomerGroupRuleModuleService = req.scope.resolve(CUSTOMER_GROUP_RULE_MODULE)
  const [existing] = await service.listGroupRuleSets({ customer_group_id: groupId })
  const data = { match, rules: rules as unknown as Record<string, unknown> }
  if (existing) {
    await service.updateGroupRuleSets({ id: existing.id, ...data })
  } else {
    await service.createGroupRuleSets({ customer_group_id: groupId, ...data })
  }
  res.json({ rule_set: await readRuleSet(req.scope, groupId) })
}
