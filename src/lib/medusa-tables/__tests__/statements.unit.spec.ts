import { JOINED_PLUGIN_TABLES, MEDUSA_COLUMNS, MEDUSA_SQL } from ".."

const MEDUSA_TABLES = new Set(Object.keys(MEDUSA_COLUMNS))
const KNOWN_TABLES = new Set<string>([...MEDUSA_TABLES, ...JOINED_PLUGIN_TABLES])

/** Tables a statement names (from / join / update / delete from / insert into / to_regclass) and their aliases. */
function tablesOf(sql: string): { table: string; alias: string | null }[] {
  const named = [
    ...sql.matchAll(/\b(?:from|join|update|into)\s+"?([a-z_]+)"?(?:\s+(?:as\s+)?(?!where\b|on\b|set\b|join\b|left\b|group\b|order\b|limit\b)([a-z]\w*))?/gi),
  ].map((match) => ({ table: match[1], alias: match[2] ?? null }))
  const checked = [...sql.matchAll(/to_regclass\('([a-z_]+)'\)/g)].map((match) => ({ table: match[1], alias: "" }))
  // Names declared in a `with` clause are the statement's own.
  const ctes = new Set([...sql.matchAll(/(?:with|,)\s+([a-z_]+)\s+as\s+\(/gi)].map((match) => match[1]))
  return [...named, ...checked].filter(({ table }) => !ctes.has(table))
}

/** The `table.column`s of Medusa's tables the statement reads (through aliases) that MEDUSA_COLUMNS does not declare. */
function undeclaredColumns(sql: string): string[] {
  const aliases = new Map<string, keyof typeof MEDUSA_COLUMNS>()
  for (const { table, alias } of tablesOf(sql)) {
    if (alias && MEDUSA_TABLES.has(table)) {
      aliases.set(alias, table as keyof typeof MEDUSA_COLUMNS)
    }
  }
  return [...sql.matchAll(/\b([a-z]\w*)\.([a-z_]+)\b/g)]
    .filter(([, alias, column]) => {
      const table = aliases.get(alias)
      return table && !(MEDUSA_COLUMNS[table] as readonly string[]).includes(column)
    })
    .map(([, alias, column]) => `${aliases.get(alias)}.${column}`)
}

describe("the SQL on Medusa's tables (lib/medusa-tables)", () => {
  const statements = Object.entries(MEDUSA_SQL)

  it.each(statements)("%s names only declared tables, each Medusa table with an alias", (_, sql) => {
    for (const { table, alias } of tablesOf(sql)) {
      expect({ table, known: KNOWN_TABLES.has(table) }).toEqual({ table, known: true })
      if (MEDUSA_TABLES.has(table)) {
        expect({ table, alias }).toEqual({ table, alias: expect.any(String) })
      }
    }
  })

  it.each(statements)("%s reads only declared columns of Medusa's tables", (_, sql) => {
    expect(undeclaredColumns(sql)).toEqual([])
  })

  it.each(statements)("%s uses named bindings only", (_, sql) => {
    expect(sql).not.toMatch(/\?/)
    expect(sql).not.toMatch(/\$\{/)
  })

  it("checks every table it declares (no stale declaration)", () => {
    const named = new Set(statements.flatMap(([, sql]) => tablesOf(sql).map(({ table }) => table)))
    expect([...MEDUSA_TABLES].filter((table) => !named.has(table))).toEqual([])
  })

  it("names an undeclared column (the check itself works)", () => {
    expect(undeclaredColumns(`select p.password, p.entity_id from provider_identity p where p.provider = :provider`)).toEqual([
      "provider_identity.password",
    ])
  })
})
