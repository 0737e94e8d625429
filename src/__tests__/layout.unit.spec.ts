import fs from "node:fs"
import path from "node:path"

const SRC = path.resolve(__dirname, "..")

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return entry.name === "__tests__" ? [] : sourceFiles(full)
    }
    return /\.tsx?$/.test(entry.name) ? [full] : []
  })
}

const relative = (file: string) => path.relative(SRC, file).split(path.sep).join("/")

/** Relative import specifiers of a file, resolved to paths under src/. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8")
  return [...text.matchAll(/from\s+"(\.{1,2}\/[^"]+)"/g)].map(([, spec]) => relative(path.resolve(path.dirname(file), spec)))
}

describe("source layout", () => {
  it("keeps workflows/ to workflows, steps, hooks, barrels and input types (helpers live in lib/)", () => {
    const misplaced = sourceFiles(path.join(SRC, "workflows"))
      .map(relative)
      .filter(
        (file) =>
          !/^workflows\/[^/]+\/(steps|workflows)\/[^/]+\.ts$/.test(file) &&
          !/^workflows\/hooks\/[^/]+\.ts$/.test(file) &&
          !/^workflows\/([^/]+\/)?(index|types)\.ts$/.test(file)
      )
    expect(misplaced).toEqual([])
  })

  it("lets lib/ import nothing from the layers above it", () => {
    const upward = sourceFiles(path.join(SRC, "lib")).flatMap((file) =>
      importsOf(file)
        .filter((target) => /^(api|workflows|subscribers|jobs|admin)\//.test(target))
        .map((target) => `${relative(file)} -> ${target}`)
    )
    expect(upward).toEqual([])
  })

  it("names every event in one catalog", () => {
    const catalogs = sourceFiles(SRC)
      .filter((file) => !file.includes(`${path.sep}admin${path.sep}`))
      .filter((file) => /export const \w+Events = \{/.test(fs.readFileSync(file, "utf8")))
      .map(relative)
    expect(catalogs).toEqual(["lib/events.ts"])
  })
})
