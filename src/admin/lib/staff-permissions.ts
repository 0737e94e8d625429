import { CAPABILITIES, type Capability } from "../../lib/permissions/capabilities"

/** Ready-made sets of capabilities (what the merchants asked for). */
export const ROLE_PRESETS = {
  supportAgent: ["notes.write", "security.unlock", "security.reset_link", "security.verify_email"],
  privacyOfficer: ["privacy.export", "privacy.anonymize"],
  storeManager: [...CAPABILITIES],
} as const satisfies Record<string, readonly Capability[]>

export type RolePreset = keyof typeof ROLE_PRESETS

/** The i18n key of a capability's label (i18next reads dots as nesting). */
type Underscored<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${B}` : S
export const capabilityLabelKey = (capability: Capability) =>
  `customerAccounts.permissions.capabilities.${capability.replace(".", "_") as Underscored<Capability>}` as const

/** The preset a set of capabilities is exactly, if any. */
export const presetOf = (capabilities: readonly Capability[]): RolePreset | null => {
  const held = [...capabilities].sort().join(",")
  const match = (Object.keys(ROLE_PRESETS) as RolePreset[]).find(
    (preset) => [...ROLE_PRESETS[preset]].sort().join(",") === held
  )
  return match ?? null
}
