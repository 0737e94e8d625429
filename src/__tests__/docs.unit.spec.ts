import fs from "node:fs"
import path from "node:path"
import { pluginOptionsSchema } from "../lib/options"
import { pluginRoutes } from "./plugin-routes"

/**
 * Keeps the README and docs/ honest as the code moves: every relative link
 * and anchor resolves, every route file's handler is in the API reference
 * (docs/api.md) and every route row in the docs is a real handler, and every
 * option of the options schema is a row of the options reference
 * (docs/options.md) and the reverse.
 *
 * How the docs write what this test reads:
 * - a route is a table row whose first cell starts with `` `METHOD /path` ``
 *   (one or more such spans, params as in the folder names: `:id`); a row
 *   that documents one of Medusa's own routes says "(core" in that cell;
 * - an option is a row of a table whose first header is "Option", its first
 *   cell exactly `` `dotted.path` ``;
 * - the README's options summary is a table whose first header is "Option
 *   group", one top-level key per row.
 */
const ROOT = path.join(__dirname, "../..")
const DOCS_DIR = path.join(ROOT, "docs")
const API_REFERENCE = path.join(DOCS_DIR, "api.md")
const OPTIONS_REFERENCE = path.join(DOCS_DIR, "options.md")
const README = path.join(ROOT, "README.md")
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

const relative = (file: string) => path.relative(ROOT, file)

function markdownFiles(): string[] {
  const pages = fs
    .readdirSync(DOCS_DIR)
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join(DOCS_DIR, name))
  return [README, ...pages]
}

/** The text outside fenced code blocks (links and tables there are examples, not docs). */
function proseLines(file: string): string[] {
  let fenced = false
  return fs.readFileSync(file, "utf8").split("\n").map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced
      return ""
    }
    return fenced ? "" : line
  })
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function githubSlug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-")
}

const anchorCache = new Map<string, Set<string>>()

/** Every anchor a page has, with GitHub's -1, -2 suffixes for repeated headings. */
function anchorsOf(file: string): Set<string> {
  const cached = anchorCache.get(file)
  if (cached) {
    return cached
  }
  const seen = new Map<string, number>()
  const anchors = new Set<string>()
  for (const line of proseLines(file)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
    if (!heading) {
      continue
    }
    const slug = githubSlug(heading[1])
    const count = seen.get(slug) ?? 0
    anchors.add(count ? `${slug}-${count}` : slug)
    seen.set(slug, count + 1)
  }
  anchorCache.set(file, anchors)
  return anchors
}

/** "file: target (why)" for each relative link or anchor that leads nowhere. */
function brokenLinks(file: string): string[] {
  const broken: string[] = []
  proseLines(file).forEach((rawLine, index) => {
    const line = rawLine.replace(/`[^`]*`/g, "")
    for (const match of line.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[1]
      if (/^[a-z][a-z+.-]*:/i.test(target)) {
        continue
      }
      const [linkPath, anchor] = target.split("#", 2)
      const where = `${relative(file)}:${index + 1}: ${target}`
      const destination = linkPath ? path.resolve(path.dirname(file), decodeURI(linkPath)) : file
      if (!fs.existsSync(destination)) {
        broken.push(`${where} (no file ${relative(destination)})`)
        continue
      }
      if (anchor !== undefined && destination.endsWith(".md") && !anchorsOf(destination).has(anchor)) {
        broken.push(`${where} (no heading with anchor #${anchor} in ${relative(destination)})`)
      }
    }
  })
  return broken
}

/** "METHOD /path/:param" for each handler a route.ts file exports. */
function codeRoutes(): Set<string> {
  return new Set(pluginRoutes())
}

/** The cells of a Markdown table row (`\|` stays inside a cell). */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim())
}

interface TableRow {
  file: string
  line: number
  header: string
  cells: string[]
}

/** Every body row of every table, with its table's first header cell. */
function tableRows(file: string): TableRow[] {
  const rows: TableRow[] = []
  let header: string | null = null
  let previous = ""
  proseLines(file).forEach((line, index) => {
    if (!line.trim().startsWith("|")) {
      header = null
    } else if (/^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(line)) {
      header = cells(previous)[0]
    } else if (header !== null) {
      rows.push({ file, line: index + 1, header, cells: cells(line) })
    }
    previous = line
  })
  return rows
}

interface DocumentedRoute {
  route: string
  core: boolean
  where: string
}

function documentedRoutes(file: string): DocumentedRoute[] {
  return tableRows(file).flatMap((row) => {
    const first = row.cells[0]
    if (!new RegExp(`^\`(${METHODS.join("|")})\\b`).test(first)) {
      return []
    }
    const core = first.includes("(core")
    return [...first.matchAll(/`([A-Z]+) (\/[^`\s]*)`/g)].map((match) => ({
      route: `${match[1]} ${match[2]}`,
      core,
      where: `${relative(file)}:${row.line}`,
    }))
  })
}

type SchemaNode = { _zod: { def: Record<string, unknown> & { type: string } } }

/** The schema under wrappers that do not change an option's name (default, optional, pipe...). */
function unwrap(schema: SchemaNode): SchemaNode {
  const def = schema._zod.def
  switch (def.type) {
    case "default":
    case "prefault":
    case "optional":
    case "nullable":
    case "nonoptional":
    case "readonly":
    case "catch":
      return unwrap(def.innerType as SchemaNode)
    case "pipe":
      return unwrap(def.in as SchemaNode)
    default:
      return schema
  }
}

/** Dotted paths of every leaf option (`passwordPolicy.minLength`), objects walked recursively. */
function optionPaths(schema: SchemaNode, prefix = ""): string[] {
  const inner = unwrap(schema)
  if (inner._zod.def.type !== "object") {
    return [prefix]
  }
  const shape = inner._zod.def.shape as Record<string, SchemaNode>
  return Object.entries(shape).flatMap(([key, child]) =>
    optionPaths(child, prefix ? `${prefix}.${key}` : key)
  )
}

function topLevelOptions(): string[] {
  const shape = unwrap(pluginOptionsSchema as unknown as SchemaNode)._zod.def.shape as object
  return Object.keys(shape)
}

/** Option names in the first cell of the rows of tables whose first header is `header`. */
function documentedOptions(file: string, header: string): Map<string, string> {
  const options = new Map<string, string>()
  for (const row of tableRows(file)) {
    if (row.header !== header) {
      continue
    }
    const name = /^`([^`]+)`$/.exec(row.cells[0])
    options.set(name ? name[1] : row.cells[0], `${relative(file)}:${row.line}`)
  }
  return options
}

describe("README and docs", () => {
  it("link only to files and headings that exist", () => {
    expect(markdownFiles().flatMap(brokenLinks)).toEqual([])
  })

  it("the README links to every docs page, and the docs index lists them all", () => {
    const pages = markdownFiles().filter((file) => path.dirname(file) === DOCS_DIR)
    const linked = (from: string) =>
      new Set(
        proseLines(from).flatMap((line) =>
          [...line.matchAll(/\]\(([^)#\s]+\.md)(?:#[^)]*)?\)/g)].map((match) =>
            path.resolve(path.dirname(from), match[1])
          )
        )
      )
    const fromReadme = linked(README)
    const fromIndex = linked(path.join(DOCS_DIR, "README.md"))
    expect(pages.filter((page) => !fromReadme.has(page)).map((page) => `not linked from README.md: ${relative(page)}`)).toEqual([])
    expect(
      pages
        .filter((page) => path.basename(page) !== "README.md" && !fromIndex.has(page))
        .map((page) => `not listed in docs/README.md: ${relative(page)}`)
    ).toEqual([])
  })
})

describe("API reference (docs/api.md)", () => {
  const inCode = codeRoutes()

  it("finds the route files and the documented routes (the scans themselves work)", () => {
    expect(inCode.has("DELETE /admin/customers/:id/notes/:note_id")).toBe(true)
    expect(inCode.size).toBeGreaterThanOrEqual(40)
    expect(documentedRoutes(API_REFERENCE).filter((entry) => !entry.core).length).toBeGreaterThanOrEqual(inCode.size)
  })

  it("documents every route the plugin's route files define", () => {
    const documented = new Set(documentedRoutes(API_REFERENCE).map((entry) => entry.route))
    const missing = [...inCode].filter((route) => !documented.has(route)).sort()
    expect(missing.map((route) => `route not in docs/api.md: ${route}`)).toEqual([])
  })

  it("documents no plugin route that does not exist (README and every docs page)", () => {
    const stale = markdownFiles()
      .flatMap(documentedRoutes)
      .filter((entry) => !entry.core && !inCode.has(entry.route))
      .map((entry) => `${entry.where}: documented route has no route.ts handler: ${entry.route}`)
    expect(stale).toEqual([])
  })
})

describe("options reference (docs/options.md)", () => {
  const inSchema = optionPaths(pluginOptionsSchema as unknown as SchemaNode)

  it("walks the options schema (the scan itself works)", () => {
    expect(inSchema).toEqual(expect.arrayContaining(["storeName", "passwordPolicy.minLength", "lockout.trustedProxyHops"]))
    expect(inSchema).not.toContain("passwordPolicy")
  })

  it("documents every option of the schema, and no option the schema lacks", () => {
    const documented = documentedOptions(OPTIONS_REFERENCE, "Option")
    const missing = inSchema.filter((option) => !documented.has(option)).map((option) => `option not in docs/options.md: ${option}`)
    const unknown = [...documented]
      .filter(([option]) => !inSchema.includes(option))
      .map(([option, where]) => `${where}: documented option not in the schema: ${option}`)
    expect([...missing, ...unknown]).toEqual([])
  })

  it("the README's options summary names every top-level option, and only those", () => {
    const top = topLevelOptions()
    const summary = documentedOptions(README, "Option group")
    const missing = top.filter((option) => !summary.has(option)).map((option) => `option not in the README's summary: ${option}`)
    const unknown = [...summary]
      .filter(([option]) => !top.includes(option))
      .map(([option, where]) => `${where}: summary names no top-level option: ${option}`)
    expect([...missing, ...unknown]).toEqual([])
  })
})
