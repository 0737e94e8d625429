import { MedusaService } from "@medusajs/framework/utils"
import { canonicalEmail } from "../../lib/identity"
import type { PluginOptions, PrivacyOptions, StaffPermissionsOptions } from "../../lib/options"
import { CAPABILITIES, capabilitiesFrom, type Capability } from "../../lib/permissions/capabilities"
import AccountSetting from "./models/account-setting"
import PrivacyRequest from "./models/privacy-request"
import StaffPermission from "./models/staff-permission"
import StaffPermissionChange from "./models/staff-permission-change"
import { CUSTOMER_ACCOUNTS_OPTIONS } from "./loaders/validate-options"
import type { ErasureRepository } from "./repositories/erasure"

/** What a Back Office user may do, and why. */
export type StaffCapabilities = {
  mode: StaffPermissionsOptions["mode"]
  /** Listed in `staffPermissions.owners`: holds every capability. */
  owner: boolean
  /** Granted in the admin (what `enforced` mode reads besides owners). */
  granted: Capability[]
  /** What the user may do now: everything in `open` mode or as an owner, else what was granted. */
  effective: Capability[]
}

/** Keys of the settings Back Office users edit. */
export const AccountSettingKeys = {
  DEFAULT_GROUP_IDS: "default_group_ids",
} as const

/**
 * The plugin's own module: it checks the plugin's options as a whole at
 * boot (every other module reads only its slice), keeps the settings
 * Back Office users edit in the admin and the customers' erasures, and owns
 * the options of the data subject rights (`privacy`, `anonymize`).
 */
class CustomerAccountsModuleService extends MedusaService({
  AccountSetting,
  PrivacyRequest,
  StaffPermission,
  StaffPermissionChange,
}) {
  /** A customer's erasure: its state changes, each atomic (GDPR art. 17). */
  readonly erasure: ErasureRepository
  protected readonly staffPermissions: StaffPermissionsOptions
  protected readonly privacy: PrivacyOptions

  constructor(cradle: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.erasure = cradle.erasureRepository as ErasureRepository
    const options = cradle[CUSTOMER_ACCOUNTS_OPTIONS] as Pick<PluginOptions, "staffPermissions"> & PrivacyOptions
    this.staffPermissions = options.staffPermissions
    this.privacy = { privacy: options.privacy, anonymize: options.anonymize }
  }

  /** `privacy` (what an export holds) and `anonymize` (how an erasure runs), as configured. */
  getPrivacyOptions(): PrivacyOptions {
    return this.privacy
  }

  /** `staffPermissions` as configured (mode and owners). */
  getStaffPermissionOptions(): StaffPermissionsOptions {
    return this.staffPermissions
  }

  /**
   * Whether `email` is listed in `staffPermissions.owners`, compared in the
   * canonical form every identity of the plugin uses (lib/identity), so that
   * one emailpass identity per address also means one login per owner.
   */
  isOwner(email: string | null | undefined): boolean {
    return !!email && this.staffPermissions.owners.some((owner) => canonicalEmail(owner) === canonicalEmail(email))
  }

  /** The capabilities granted to each of `userIds` (none for a user without a row). */
  async grantsOf(userIds: string[]): Promise<Map<string, Capability[]>> {
    const rows = userIds.length ? await this.listStaffPermissions({ user_id: userIds }) : []
    const grants = new Map<string, Capability[]>(userIds.map((id) => [id, []]))
    for (const row of rows) {
      grants.set(row.user_id, capabilitiesFrom(row.capabilities))
    }
    return grants
  }

  /** What a user may do: everything in `open` mode or as an owner, else what was granted. */
  effectiveCapabilities(owner: boolean, granted: Capability[]): Capability[] {
    return this.staffPermissions.mode === "open" || owner ? [...CAPABILITIES] : granted
  }

  /** What a Back Office user may do (see {@link StaffCapabilities}). */
  async capabilitiesOf(user: { id: string; email?: string | null }): Promise<StaffCapabilities> {
    const owner = this.isOwner(user.email)
    const granted = (await this.grantsOf([user.id])).get(user.id) ?? []
    return { mode: this.staffPermissions.mode, owner, granted, effective: this.effectiveCapabilities(owner, granted) }
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
