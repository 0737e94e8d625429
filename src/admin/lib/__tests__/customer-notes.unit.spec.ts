import { describe, expect, it } from "@jest/globals"

import type { AdminCustomerNote } from "../../../types/customer-note"
import { formatNoteDateTime, systemNoteTranslation } from "../customer-notes"

const known = () => true
const message = (value: unknown) => ({ message: value }) as Pick<AdminCustomerNote, "message">

describe("systemNoteTranslation", () => {
  it("gives the i18n key of a system note's message with its values", () => {
    expect(
      systemNoteTranslation(
        message({ key: "systemNotes.ipUnblocked", params: { ip: "203.0.113.9", admin: "Ada Admin" } }),
        "de-DE",
        known
      )
    ).toEqual({
      key: "customerAccounts.systemNotes.ipUnblocked",
      values: { ip: "203.0.113.9", admin: "Ada Admin" },
    })
  })

  it("formats the lock's end for the viewer, naming the time zone", () => {
    const translation = systemNoteTranslation(
      message({ key: "systemNotes.accountLocked", params: { locked_until: "2026-11-27T01:52:00.000Z", lock_count: 2 } }),
      "de-DE",
      known
    )
    expect(translation?.values.lock_count).toEqual(2)
    expect(translation?.values.locked_until).toEqual(formatNoteDateTime("2026-11-27T01:52:00.000Z", "de-DE"))
    expect(String(translation?.values.locked_until)).toMatch(/2026/)
    expect(String(translation?.values.locked_until)).not.toContain("T01:52")
  })

  it.each([
    ["no message (an admin's note, or an older system note)", null, known],
    ["a key outside the system notes", { key: "notes.title", params: {} }, known],
    ["a key this admin does not know", { key: "systemNotes.fromTheFuture", params: {} }, () => false],
    ["a malformed message", { params: {} }, known],
  ])("is null for %s, so the body is shown", (_, value, isKnown) => {
    expect(systemNoteTranslation(message(value), "en", isKnown)).toBeNull()
  })
})

describe("formatNoteDateTime", () => {
  it("names the time zone and keeps an unparsable value as given", () => {
    expect(formatNoteDateTime("2026-11-27T01:52:00.000Z", "en")).toMatch(/Nov 2[67], 2026, .*\d:52.*(UTC|GMT|[A-Z]{2,5})/)
    expect(formatNoteDateTime("soon", "en")).toEqual("soon")
  })
})
