import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { GroupRule } from "../../../lib/group-rules"
import { CUSTOMER_GROUP_RULE_MODULE } from "../../../modules/customer-group-rule"
import type CustomerGroupRuleModuleService from "../../../modules/customer-group-rule/service"

export type SetGroupRuleSetStepInput = {
  customer_group_id: string
  match: "all" | "any"
  rules: GroupRule[]
}

type Previous = { id: string; match: "all" | "any"; rules: Record<string, unknown> } | { created: string }

export const setGroupRuleSetStepId = "cam-set-group-rule-set"

/**
 * Stores a group's rules (creates its rule set or replaces the rules of the
 * existing one). Compensation puts the previous rules back, or deletes the
 * set it created.
 */
export const setGroupRuleSetStep = createStep(
  setGroupRuleSetStepId,
  async (input: SetGroupRuleSetStepInput, { container }) => {
    const service: CustomerGroupRuleModuleService = container.resolve(CUSTOMER_GROUP_RULE_MODULE)
    const [existing] = await service.listGroupRuleSets({ customer_group_id: input.customer_group_id })
    const data = { match: input.match, rules: input.rules as unknown as Record<string, unknown> }
    if (existing) {
      const previous: Previous = {
        id: existing.id,
        match: existing.match as "all" | "any",
        rules: existing.rules as Record<string, unknown>,
      }
      await service.updateGroupRuleSets({ id: existing.id, ...data })
      return new StepResponse({ id: existing.id }, previous)
    }
    const created = await service.createGroupRuleSets({ customer_group_id: input.customer_group_id, ...data })
    return new StepResponse({ id: created.id }, { created: created.id } as Previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: CustomerGroupRuleModuleService = container.resolve(CUSTOMER_GROUP_RULE_MODULE)
    if ("created" in previous) {
      await service.deleteGroupRuleSets([previous.created])
      return
    }
    await service.updateGroupRuleSets({ id: previous.id, match: previous.match, rules: previous.rules })
  }
)
