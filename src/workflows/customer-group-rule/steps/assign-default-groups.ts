import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNT_SECURITY_MODULE } from "../../../modules/account-security"
import type AccountSecurityModuleService from "../../../modules/account-security/service"
import { CUSTOMER_GROUP_RULE_MODULE } from "../../../modules/customer-group-rule"
import type CustomerGroupRuleModuleService from "../../../modules/customer-group-rule/service"
import type { MembershipPair } from "../evaluate"

export const assignDefaultGroupsStepId = "cam-assign-default-groups"

/**
 * Puts a new customer account into the default groups (the stored setting,
 * else the `customerGroups.defaultGroupIds` option). Groups deleted since are
 * skipped. Compensation removes the memberships it added.
 */
export const assignDefaultGroupsStep = createStep(
  assignDefaultGroupsStepId,
  async ({ customer_id }: { customer_id: string }, { container }) => {
    const rules: CustomerGroupRuleModuleService = container.resolve(CUSTOMER_GROUP_RULE_MODULE)
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    const configured =
      (await rules.getDefaultGroupIds()) ?? security.getOptions().customerGroups.defaultGroupIds
    if (!configured.length) {
      return new StepResponse([] as MembershipPair[], [] as MembershipPair[])
    }
    const customerModule = container.resolve(Modules.CUSTOMER)
    const [groups, existing] = await Promise.all([
      customerModule.listCustomerGroups({ id: configured }, { select: ["id"] }),
      customerModule.listCustomerGroupCustomers(
        { customer_id, customer_group_id: configured },
        { select: ["customer_group_id"] }
      ),
    ])
    const already = new Set(existing.map((m) => m.customer_group_id))
    const pairs = groups
      .filter((group) => !already.has(group.id))
      .map((group) => ({ customer_id, customer_group_id: group.id }))
    if (pairs.length) {
      await customerModule.addCustomerToGroup(pairs)
    }
    return new StepResponse(pairs, pairs)
  },
  async (pairs, { container }) => {
    if (!pairs?.length) {
      return
    }
    await container.resolve(Modules.CUSTOMER).removeCustomerFromGroup(pairs)
  }
)
