import adminDe from "../../../admin/i18n/json/de.json"
import adminEn from "../../../admin/i18n/json/en.json"
import {
  messageFormatters,
  translate,
  type MessageParams,
  type SystemNoteKey,
} from ".."

/**
 * The admin shows system notes from its own i18n files (the viewer's
 * language) and API clients read the server's English `body`: both must say
 * the same thing, for every key the server stores.
 */
const NOTE_PARAMS: { [K in SystemNoteKey]: MessageParams[K] } = {
  "systemNotes.accountLocked": { locked_until: "2026-11-27T01:52:00.000Z", lock_count: 3 },
  "systemNotes.accountLockedNoEnd": { lock_count: 1 },
  "systemNotes.accountUnlocked": { admin: "Ada Admin" },
  "systemNotes.accountUnlockedByPasswordReset": {},
  "systemNotes.lockCountersReset": { admin: "Ada Admin" },
  "systemNotes.ipUnblocked": { ip: "2001:db8::1", admin: "Ada Admin" },
  "systemNotes.ipCountReset": { ip: "203.0.113.9", admin: "Ada Admin" },
  "systemNotes.passwordResetSent": { admin: "Ada Admin" },
  "systemNotes.passwordSet": { admin: "Ada Admin" },
}
const DATE_PARAMS = ["locked_until"]

/** i18next's `{{name}}` interpolation, failing on a name without a value. */
function interpolate(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    if (!(name in values)) {
      throw new Error(`no value for {{${name}}} in "${template}"`)
    }
    return String(values[name])
  })
}

describe.each([
  ["en", adminEn.customerAccounts.systemNotes],
  ["de", adminDe.customerAccounts.systemNotes],
] as const)("the admin's %s system notes", (language, adminTexts) => {
  const texts = adminTexts as Record<string, string>

  it("have exactly the keys the server stores", () => {
    expect(Object.keys(texts).map((key) => `systemNotes.${key}`).sort()).toEqual(Object.keys(NOTE_PARAMS).sort())
  })

  it.each(Object.entries(NOTE_PARAMS))("say what the server says for %s", (key, params) => {
    const format = messageFormatters(language)
    const values: Record<string, unknown> = Object.fromEntries(
      Object.entries(params).map(([name, value]) => [
        name,
        DATE_PARAMS.includes(name) ? format.dateTime(value as string) : value,
      ])
    )
    const adminText = interpolate(texts[key.slice("systemNotes.".length)], values)
    expect(adminText).toEqual(translate(language, key as SystemNoteKey, params as never))
  })
})
