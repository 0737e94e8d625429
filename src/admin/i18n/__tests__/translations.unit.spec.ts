import { describe, expect, it } from "@jest/globals"

import de from "../json/de.json"
import en from "../json/en.json"

type Tree = { [key: string]: string | Tree }

/** Every leaf of a translation file as `path -> text`. */
const leaves = (tree: Tree, prefix = ""): Map<string, string> =>
  new Map(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string"
        ? [[`${prefix}${key}`, value] as const]
        : [...leaves(value, `${prefix}${key}.`)]
    )
  )

/** The `{{placeholders}}` a text fills in, sorted. */
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map(([, name]) => name).sort()

describe("admin translations", () => {
  const english = leaves(en as Tree)
  const german = leaves(de as Tree)

  it("has a German text for every English key, and no other", () => {
    expect([...english.keys()].filter((key) => !german.has(key))).toEqual([])
    expect([...german.keys()].filter((key) => !english.has(key))).toEqual([])
  })

  it("fills in the same values in both languages, and leaves no text empty", () => {
    const differing = [...english].filter(
      ([key, text]) => german.has(key) && placeholders(text).join() !== placeholders(german.get(key) as string).join()
    )
    expect(differing.map(([key]) => key)).toEqual([])
    expect([...english, ...german].filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([])
  })
})
