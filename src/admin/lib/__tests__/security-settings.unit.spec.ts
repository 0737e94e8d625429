import { describe, expect, it } from "@jest/globals"

import { formatDuration, formatDurationSteps } from "../duration"
import { MEDUSA_LOCALES, namesLanguage, searchLocales, type LocaleOption } from "../known-locales"

describe("formatDuration", () => {
  it("writes a duration in the largest unit that holds it whole", () => {
    expect(formatDuration(900, "en")).toEqual("15 minutes")
    expect(formatDuration(86_400, "en")).toEqual("1 day")
    expect(formatDuration(7_200, "de")).toEqual("2 Stunden")
    expect(formatDuration(1_000, "en")).toEqual("1,000 seconds")
  })

  it("lists lock durations in turn", () => {
    expect(formatDurationSteps([900, 1_800, 3_600], "en")).toEqual("15 minutes → 30 minutes → 1 hour")
  })
})

describe("namesLanguage", () => {
  it("accepts tags of real languages and refuses well-formed tags that name none", () => {
    expect(namesLanguage("de-DE")).toBe(true)
    expect(namesLanguage("en")).toBe(true)
    expect(namesLanguage("german")).toBe(false)
    expect(namesLanguage("xx")).toBe(false)
    expect(namesLanguage("not a tag")).toBe(false)
  })

  it("holds for every locale Medusa knows", () => {
    expect(MEDUSA_LOCALES.filter((tag) => !namesLanguage(tag))).toEqual([])
  })
})

describe("searchLocales", () => {
  const options: LocaleOption[] = [
    { tag: "sv-SE", label: "Swedish (Sweden) (sv-SE)" },
    { tag: "de-DE", label: "Deutsch (Deutschland) (de-DE)", keywords: ["German (Germany)"] },
    { tag: "de-AT", label: "Deutsch (Österreich) (de-AT)", keywords: ["German (Austria)"] },
    { tag: "fr-FR", label: "Français (France) (fr-FR)", keywords: ["French (France)"] },
  ]
  const tags = (search: string) => searchLocales(options, search).map((option) => option.tag)

  it("lists everything for an empty search", () => {
    expect(tags(" ")).toEqual(["sv-SE", "de-DE", "de-AT", "fr-FR"])
  })

  it("finds a locale by its name in either language, without case or accents", () => {
    expect(tags("german")).toEqual(["de-DE", "de-AT"])
    expect(tags("osterreich")).toEqual(["de-AT"])
    expect(tags("FRANCAIS")).toEqual(["fr-FR"])
    expect(tags("german austria")).toEqual(["de-AT"])
  })

  it("puts tags that start with the search first, also spelled with an underscore", () => {
    expect(tags("de")).toEqual(["de-DE", "de-AT", "sv-SE"])
    expect(tags("de_at")).toEqual(["de-AT"])
  })
})
