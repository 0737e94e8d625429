import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../modules/customer-accounts/index"
import type CustomerAccountsModuleService from "../../modules/customer-accounts/service"
import { CUSTOMER_GROUP_RULE_MODULE } from "../../modules/customer-group-rule/index"
import type CustomerGroupRuleModuleService from "../../modules/customer-group-rule/service"

/**
 * The default groups as configured: the setting a Back Office user stored,
 * else the `customerGroups.defaultGroupIds` option. Deleted groups may still
 * be named (a subscriber removes them shortly after the deletion).
 */
export async function configuredDefaultGroupIds(container: MedusaContainer): Promise<string[]> {
  const settings: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
  const rules: CustomerGroupRuleModuleService = container.resolve(CUSTOMER_GROUP_RULE_MODULE)
  return (await settings.getDefaultGroupIds()) ?? rules.getOptions().defaultGroupIds
}
