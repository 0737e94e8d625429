import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_GROUP_RULE_MODULE } from "../../../modules/customer-group-rule"
import type CustomerGroupRuleModuleService from "../../../modules/customer-group-rule/service"

export const setDefaultGroupIdsStepId = "cam-set-default-group-ids"

/**
 * Stores the default groups setting. Compensation puts the previous value
 * back (or, when there was none, an empty list: the option applies again
 * only after an explicit reset, never silently).
 */
export const setDefaultGroupIdsStep = createStep(
  setDefaultGroupIdsStepId,
  async ({ default_group_ids }: { default_group_ids: string[] }, { container }) => {
    const service: CustomerGroupRuleModuleService = container.resolve(CUSTOMER_GROUP_RULE_MODULE)
    const previous = await service.getDefaultGroupIds()
    const stored = await service.setDefaultGroupIds(default_group_ids)
    return new StepResponse(stored, { previous })
  },
  async (snapshot, { container }) => {
    if (!snapshot) {
      return
    }
    const service: CustomerGroupRuleModuleService = container.resolve(CUSTOMER_GROUP_RULE_MODULE)
    await service.setDefaultGroupIds(snapshot.previous ?? [])
  }
)
