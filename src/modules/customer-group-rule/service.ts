import { MedusaService } from "@medusajs/framework/utils"
import AccountSetting from "./models/account-setting"
import GroupRuleSet from "./models/group-rule-set"
import RuleMembership from "./models/rule-membership"

export const DEFAULT_GROUPS_SETTING = "default_group_ids"

class CustomerGroupRuleModuleService extends MedusaService({
  AccountSetting,
  GroupRuleSet,
  RuleMembership,
}) {
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
}

export default CustomerGroupRuleModuleService
