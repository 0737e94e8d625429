import { describe, expect, it } from "@jest/globals"
import { translations } from "@zxcvbn-ts/language-en"

import { ZXCVBN_SUGGESTIONS, ZXCVBN_WARNINGS } from "../zxcvbn-feedback"

// The admin maps the server's English advice back to keys by its text: the
// table must hold exactly the sentences the installed zxcvbn sends.
describe("zxcvbn feedback table", () => {
  it("holds every warning of @zxcvbn-ts/language-en, word for word", () => {
    expect(ZXCVBN_WARNINGS).toEqual(translations.warnings)
  })

  it("holds every suggestion of @zxcvbn-ts/language-en, word for word", () => {
    expect(ZXCVBN_SUGGESTIONS).toEqual(translations.suggestions)
  })
})
