/**
 * The plugin's only SQL on tables it does not own (Medusa's): plain
 * functions taking a knex or the caller's transaction, each statement in
 * AUTH_SQL / ORDER_SQL, the columns they rely on in MEDUSA_COLUMNS.
 */
import { AUTH_SQL } from "./auth"
import { ORDER_SQL } from "./orders"

export * from "./auth"
export * from "./columns"
export * from "./orders"

/** Every statement on Medusa's tables, by name (what the specs check). */
export const MEDUSA_SQL: Record<string, string> = { ...AUTH_SQL, ...ORDER_SQL }
