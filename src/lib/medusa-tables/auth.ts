import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** Medusa's provider of e-mail and password logins. */
const EMAILPASS = "emailpass"

/**
 * The statements on Medusa's auth tables (`provider_identity`,
 * `auth_identity`, `auth_password_reset_token`), some joined with the
 * plugin's `identity_claim` in the same statement. Named bindings only.
 */
export const AUTH_SQL = {
  /** An emailpass identity other than `:entity_id` holds `:canonical` (see {@link isAddressTakenByAnother}). */
  addressTakenByAnother: `select 1 from identity_claim c
     where c.canonical = :canonical and c.deleted_at is null and c.entity_id <> :entity_id
       and (exists (select 1 from provider_identity p
                    where p.entity_id = c.entity_id and p.provider = :provider and p.deleted_at is null)
            or (c.auth_identity_id is null and c.created_at > now() - make_interval(secs => :pending)))
     union all
     select 1 from provider_identity p
     where p.entity_id = :canonical and p.entity_id <> :entity_id and p.provider = :provider and p.deleted_at is null
     limit 1`,

  /** The identity of a confirmed claim of `:canonical`, with its actors. */
  claimHolder: `select c.auth_identity_id, a.app_metadata
     from identity_claim c
     join provider_identity p on p.entity_id = c.entity_id and p.provider = :provider and p.deleted_at is null
       and p.auth_identity_id = c.auth_identity_id
     join auth_identity a on a.id = c.auth_identity_id and a.deleted_at is null
     where c.canonical = :canonical and c.deleted_at is null
     limit 1`,

  /** Whether Medusa's auth tables are in this database. */
  authTablesPresent: `select to_regclass('provider_identity') is not null as present`,

  /** The identity of `:email` exactly, else the holder of `:canonical`. */
  identityIdOfAddress: `select coalesce(
       (select p.auth_identity_id from provider_identity p
        where p.entity_id = :email and p.provider = :provider and p.deleted_at is null limit 1),
       (select c.auth_identity_id from identity_claim c
        join provider_identity p on p.entity_id = c.entity_id and p.provider = :provider and p.deleted_at is null
          and p.auth_identity_id = c.auth_identity_id
        where c.canonical = :canonical and c.deleted_at is null limit 1)) as id`,

  /** Stale claims of `:canonical`: no login under their address any more, or a registration that never finished. */
  deleteStaleClaims: `delete from identity_claim c
     where c.canonical = :canonical and c.deleted_at is null
       and not exists (select 1 from provider_identity p
                       where p.entity_id = c.entity_id and p.provider = :provider and p.deleted_at is null)
       and (c.auth_identity_id is not null or c.created_at <= now() - make_interval(secs => :pending))`,

  /**
   * As deleteStaleClaims, and a claim whose address is now another
   * identity's login is stale too (before moving an identity's claim there).
   */
  deleteStaleClaimsBeforeMove: `delete from identity_claim c
     where c.canonical = :canonical and c.deleted_at is null
       and not exists (select 1 from provider_identity p
                       where p.entity_id = c.entity_id and p.provider = :provider and p.deleted_at is null
                         and (c.auth_identity_id is null or p.auth_identity_id = c.auth_identity_id))
       and (c.auth_identity_id is not null or c.created_at <= now() - make_interval(secs => :pending))`,

  /**
   * Emailpass identities sharing a canonical form with another. The
   * canonical form in SQL is the migration's (lib/identity `canonicalEmail`).
   */
  emailpassLookalikes: `with canon as (
       select p.entity_id, p.auth_identity_id, p.created_at,
              lower(normalize(regexp_replace(p.entity_id, '^\\s+|\\s+$', '', 'g'), NFC)) as canonical
       from provider_identity p
       where p.provider = :provider and p.deleted_at is null
     ),
     shared as (select canonical from canon group by canonical having count(*) > 1)
     select c.canonical, c.auth_identity_id, c.entity_id, c.created_at, a.app_metadata
     from canon c
     join shared s on s.canonical = c.canonical
     left join auth_identity a on a.id = c.auth_identity_id
     order by c.canonical, c.created_at, c.auth_identity_id`,

  /** An unspent, unexpired reset token by the SHA-256 of its `jti`, of an emailpass login. */
  liveResetToken: `select t.id from auth_password_reset_token t
     join provider_identity p on p.id = t.provider_identity_id
     where t.token_hash = :token_hash and t.deleted_at is null and p.deleted_at is null
       and t.expires_at > :now and p.provider = :provider and p.entity_id = :entity_id
     limit 1`,
} as const

/**
 * Whether an emailpass identity other than `entityId` holds `canonical`: a
 * live claim (of an identity that still exists, or a registration younger
 * than `pendingSeconds`), or an identity stored under the canonical
 * spelling itself (identities made without passing the plugin, e.g.
 * `medusa user`).
 */
export async function isAddressTakenByAnother(
  pg: Knex,
  input: { canonical: string; entity_id: string; pending_seconds: number }
): Promise<boolean> {
  const { rows } = await pg.raw<{ rows: unknown[] }>(AUTH_SQL.addressTakenByAnother, {
    canonical: input.canonical,
    entity_id: input.entity_id,
    provider: EMAILPASS,
    pending: input.pending_seconds,
  })
  return rows.length > 0
}

/**
 * The identity that holds `canonical` (a confirmed claim of an identity
 * that still exists), with its actors. One indexed read.
 */
export async function claimHolderOf(
  pg: Knex,
  canonical: string
): Promise<{ auth_identity_id: string; app_metadata: Record<string, unknown> } | null> {
  const { rows } = await pg.raw<{ rows: { auth_identity_id: string; app_metadata: Record<string, unknown> | null }[] }>(
    AUTH_SQL.claimHolder,
    { canonical, provider: EMAILPASS }
  )
  return rows[0] ? { auth_identity_id: rows[0].auth_identity_id, app_metadata: rows[0].app_metadata ?? {} } : null
}

/**
 * Whether Medusa's auth module keeps its tables in this database: always in
 * an application, never when a module of the plugin runs alone (its own
 * test runner).
 */
export async function authTablesPresent(pg: Knex): Promise<boolean> {
  const { rows } = await pg.raw<{ rows: { present: boolean }[] }>(AUTH_SQL.authTablesPresent)
  return rows[0]?.present === true
}

/**
 * The identity whose emailpass `entity_id` is `email` exactly, else the
 * holder of its canonical form, else null.
 */
export async function identityIdOfAddress(pg: Knex, email: string, canonical: string): Promise<string | null> {
  const { rows } = await pg.raw<{ rows: { id: string | null }[] }>(AUTH_SQL.identityIdOfAddress, {
    email,
    canonical,
    provider: EMAILPASS,
  })
  return rows[0]?.id ?? null
}

/**
 * Deletes the stale claims of `canonical` (see AUTH_SQL.deleteStaleClaims),
 * in the caller's transaction; `beforeMove` also counts a claim whose
 * address is another identity's login as stale.
 */
export async function deleteStaleClaims(
  trx: Knex,
  input: { canonical: string; pending_seconds: number; before_move?: boolean }
): Promise<void> {
  await trx.raw(input.before_move ? AUTH_SQL.deleteStaleClaimsBeforeMove : AUTH_SQL.deleteStaleClaims, {
    canonical: input.canonical,
    provider: EMAILPASS,
    pending: input.pending_seconds,
  })
}

export type LookalikeRow = {
  canonical: string
  auth_identity_id: string
  entity_id: string
  created_at: Date | string
  app_metadata: Record<string, unknown> | null
}

/**
 * Emailpass identities that share a canonical form with another, grouped by
 * canonical form, oldest first. Reads every emailpass identity once.
 */
export async function emailpassLookalikes(pg: Knex): Promise<LookalikeRow[]> {
  const { rows } = await pg.raw<{ rows: LookalikeRow[] }>(AUTH_SQL.emailpassLookalikes, { provider: EMAILPASS })
  return rows
}

/**
 * Whether an unspent reset token with this SHA-256 hash of its `jti`
 * expires after `now`, for the emailpass login `entity_id`. Read-only.
 */
export async function isResetTokenHashLive(
  pg: Knex,
  input: { token_hash: string; entity_id: string; now: Date }
): Promise<boolean> {
  const { rows } = await pg.raw<{ rows: { id: string }[] }>(AUTH_SQL.liveResetToken, {
    token_hash: input.token_hash,
    entity_id: input.entity_id,
    now: input.now,
    provider: EMAILPASS,
  })
  return rows.length > 0
}
