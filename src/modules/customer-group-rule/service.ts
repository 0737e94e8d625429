import { ContainerRegistrationKeys, MedusaService } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import AccountSetting from "./models/account-setting"
import GroupRuleSet from "./models/group-rule-set"
import { orderFactsOf, type OrderFacts } from "./repositories/order-facts"

export const DEFAULT_GROUPS_SETTING = "default_group_ids"

class CustomerGroupRuleModuleService extends MedusaService({
  AccountSetting,
  GroupRuleSet,
}) {
  protected readonly pg_: Knex

  constructor(container: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.pg_ = container[ContainerRegistrationKeys.PG_CONNECTION] as Knex
  }

  /** The stored default groups; null when never set (the option is then used). */
  async getDefaultGroupIds(): Promise<string[] | null> {
    const [setting] = await this.listAccountSettings({ key: DEFAULT_GROUPS_SETTING })
    return setting ? ((setting.value as { ids: string[] }).ids ?? []) : null
  }

  async setDefaultGroupIds(ids: string[]): Promise<string[]> {
    const [setting] = await this.listAccountSettings({ key: DEFAULT_GROUPS_SETTING })
    const value = { ids: [...new Set(ids)] }
    if (setting) {
      await this.updateAccountSettings({ id: setting.id, value })
    } else {
      await this.createAccountSettings({ key: DEFAULT_GROUPS_SETTING, value })
    }
    return value.ids
  }

  /**
   * Order counts and totals per currency of these customers, computed by
   * the database (see repositories/order-facts.ts); customers without orders
   * are left out.
   */
  async orderFactsOf(customerIds: string[]): Promise<Map<string, OrderFacts>> {
    return orderFactsOf(this.pg_, customerIds)
  }
}

export default CustomerGroupRuleModuleService
