import { describe, expect, it } from "@jest/globals"

import { filenameFromContentDisposition } from "../download"

describe("filenameFromContentDisposition", () => {
  it.each([
    ['attachment; filename="customer-cus_1-export.json"', "customer-cus_1-export.json"],
    ["attachment; filename=customer-cus_1-export.json", "customer-cus_1-export.json"],
    ['attachment; FILENAME = "report.json" ; size=12', "report.json"],
    ['attachment; filename="say \\"hi\\".json"', "say _hi_.json"],
    // The extended form wins over the plain one (RFC 6266).
    ["attachment; filename=\"fallback.json\"; filename*=UTF-8''r%C3%A9sum%C3%A9.json", "résumé.json"],
  ])("reads %s as %s", (header, filename) => {
    expect(filenameFromContentDisposition(header)).toBe(filename)
  })

  it.each([null, undefined, "", "attachment", "inline; name=x"])(
    "finds no name in %p",
    (header) => {
      expect(filenameFromContentDisposition(header)).toBeNull()
    }
  )

  it("keeps a proposed name from leaving the downloads folder or hiding", () => {
    expect(filenameFromContentDisposition('attachment; filename="../../etc/passwd"')).toBe("_.._etc_passwd")
    expect(filenameFromContentDisposition('attachment; filename="a\\\\b:c.json"')).toBe("a_b_c.json")
    expect(filenameFromContentDisposition('attachment; filename=".bashrc"')).toBe("bashrc")
    expect(filenameFromContentDisposition('attachment; filename="..."')).toBeNull()
  })

  it("falls back to the plain name when the extended one cannot be decoded", () => {
    expect(
      filenameFromContentDisposition("attachment; filename*=UTF-8''%E0%A4%A; filename=\"plain.json\"")
    ).toBe("plain.json")
  })
})
