import { MedusaService } from "@medusajs/framework/utils"
import AccountSetting from "./models/account-setting"
import PrivacyRequest from "./models/privacy-request"
import type { ErasureRepository } from "./repositories/erasure"

/** Keys of the settings Back Office users edit. */
export const AccountSettingKeys = {
  DEFAULT_GROUP_IDS: "default_group_ids",
} as const

/**
 * The plugin's own module: it checks the plugin's options as a whole at
 * boot (every other module reads only its slice), keeps the settings
 * Back Office users edit in the admin and the customers' erasures.
 */
class CustomerAccountsModuleService extends MedusaService({ AccountSetting, PrivacyRequest }) {
  /** A customer's erasure: its state changes, each atomic (GDPR art. 17). */
  readonly erasure: ErasureRepository

  constructor(cradle: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.erasure = cradle.erasureRepository as ErasureRepository
  }

  /** A stored setting's value; null when it was never set. */
  async getSetting<T>(key: string): Promise<T | null> {
    const [setting] = await this.listAccountSettings({ key })
    return setting ? (setting.value as T) : null
  }

  /** Stores a setting's value (one row per key). */
  async setSetting<T extends Record<string, unknown>>(key: string, value: T): Promise<T> {
    const [setting] = await this.listAccountSettings({ key })
    if (setting) {
      await this.updateAccountSettings({ id: setting.id, value })
    } else {
      await this.createAccountSettings({ key, value })
    }
    return value
  }

  /** The stored default groups; null when never set (the option applies then). */
  async getDefaultGroupIds(): Promise<string[] | null> {
    return (await this.getSetting<{ ids: string[] }>(AccountSettingKeys.DEFAULT_GROUP_IDS))?.ids ?? null
  }

  /** Stores the default groups, each once. */
  async setDefaultGroupIds(ids: string[]): Promise<string[]> {
    const stored = await this.setSetting(AccountSettingKeys.DEFAULT_GROUP_IDS, { ids: [...new Set(ids)] })
    return stored.ids
  }
}

export default CustomerAccountsModuleService
