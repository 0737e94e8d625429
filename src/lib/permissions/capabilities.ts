/**
 * What a Back Office user may do beyond reading, one capability per
 * privileged action of the plugin (staff permissions). Reading (notes,
 * activity, security state, preferences) needs none.
 */
export const CAPABILITIES = [
  "notes.write",
  "security.unlock",
  "security.reset_link",
  "security.set_password",
  "security.mfa_reset",
  "security.verify_email",
  "sessions.revoke",
  "privacy.export",
  "privacy.anonymize",
  "groups.rules",
  "settings.manage",
  "users.security",
  "assistance.start",
  "permissions.manage",
] as const

export type Capability = (typeof CAPABILITIES)[number]

export const isCapability = (value: unknown): value is Capability =>
  typeof value === "string" && (CAPABILITIES as readonly string[]).includes(value)

/** The capabilities in the catalog's order, each once. */
export const sortedCapabilities = (capabilities: Iterable<Capability>): Capability[] => {
  const held = new Set(capabilities)
  return CAPABILITIES.filter((capability) => held.has(capability))
}

/** A stored list of capability names, as capabilities (names no longer in the catalog left out). */
export const capabilitiesFrom = (stored: unknown): Capability[] =>
  Array.isArray(stored) ? sortedCapabilities(stored.filter(isCapability)) : []
