import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../../modules/customer-accounts/service"
import { CUSTOMER_GROUP_RULE_MODULE } from "../../../modules/customer-group-rule"
import type CustomerGroupRuleModuleService from "../../../modules/customer-group-rule/service"

export const forgetCustomerGroupsStepId = "cam-forget-customer-groups"

/**
 * Drops deleted groups from the default groups and soft-deletes their rule
 * sets. Compensation restores both.
 */
export const forgetCustomerGroupsStep = createStep(
  forgetCustomerGroupsStepId,
  async ({ customer_group_ids }: { customer_group_ids: string[] }, { container }) => {
    const service: CustomerGroupRuleModuleService = container.resolve(CUSTOMER_GROUP_RULE_MODULE)
    const settings: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    const defaults = await settings.getDefaultGroupIds()
    const keptDefaults = defaults?.filter((id) => !customer_group_ids.includes(id)) ?? null
    if (defaults && keptDefaults && keptDefaults.length !== defaults.length) {
      await settings.setDefaultGroupIds(keptDefaults)
    }
    const sets = await service.listGroupRuleSets({ customer_group_id: customer_group_ids }, { select: ["id"] })
    const setIds = sets.map((set) => set.id)
    if (setIds.length) {
      await service.softDeleteGroupRuleSets(setIds)
    }
    return new StepResponse(void 0, {
      defaults: defaults && keptDefaults && keptDefaults.length !== defaults.length ? defaults : null,
      setIds,
    })
  },
  async (snapshot, { container }) => {
    if (!snapshot) {
      return
    }
    const service: CustomerGroupRuleModuleService = container.resolve(CUSTOMER_GROUP_RULE_MODULE)
    if (snapshot.setIds.length) {
      await service.restoreGroupRuleSets(snapshot.setIds)
    }
    if (snapshot.defaults) {
      await container.resolve<CustomerAccountsModuleService>(CUSTOMER_ACCOUNTS_MODULE).setDefaultGroupIds(snapshot.defaults)
    }
  }
)
