import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * The rows of every table in the database whose text (all columns, JSON
 * included) contains one of `needles`, case-insensitively: where a person's
 * data still is. `except` names tables left out on purpose (with the reason
 * in the calling test). Migration bookkeeping is never personal.
 */
export async function findPersonalData(
  pg: Knex,
  needles: string[],
  { except = [] as RegExp[] } = {}
): Promise<{ table: string; needle: string; rows: number }[]> {
  const { rows: tables } = await pg.raw<{ rows: { table_name: string }[] }>(
    `select table_name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE'
       and table_name not in ('mikro_orm_migrations', 'script_migrations', 'link_module_migrations')`
  )
  const found: { table: string; needle: string; rows: number }[] = []
  for (const { table_name: table } of tables) {
    if (except.some((pattern) => pattern.test(table))) {
      continue
    }
    for (const needle of needles) {
      const { rows } = await pg.raw<{ rows: { n: string }[] }>(
        `select count(*) as n from ?? as t where t::text ilike ?`,
        [table, `%${needle.replace(/[\\%_]/g, (char) => `\\${char}`)}%`]
      )
      if (Number(rows[0].n) > 0) {
        found.push({ table, needle, rows: Number(rows[0].n) })
      }
    }
  }
  return found
}
