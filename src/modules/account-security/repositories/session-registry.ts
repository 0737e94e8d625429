import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * The session registry's SQL (`account_session`, `account_session_token`,
 * `account_session_cutoff`). Every change is one statement, so a session is
 * never half-begun (a session without its first token) and a revocation is
 * never half-done (sessions revoked, cut-off not moved), on any instance.
 * Bindings are named. Decisions are the SessionRegistryService's.
 */

/** What the check of one request reads, in one round trip. */
export type SessionCheckRow = {
  session_id: string | null
  session_identity_id: string | null
  revoked_at: Date | null
  ends_at: Date | null
  last_seen_at: Date | null
  not_before: Date | null
  /** The Back Office user signed in as the customer (an assisted session), else null. */
  assisted_by: string | null
}

export type SessionRow = {
  id: string
  auth_identity_id: string
  actor_type: string
  method: string
  ip: string | null
  user_agent: string | null
  cookie: boolean
  refresh_count: number
  started_at: Date
  last_seen_at: Date
  expires_at: Date | null
  ends_at: Date
  revoked_at: Date | null
  revoked_reason: string | null
  revoked_by: string | null
}

export type NewSession = {
  auth_identity_id: string
  actor_type: string
  method: string
  ip: string | null
  user_agent: string | null
  started_at: Date
  ends_at: Date
  token_hash: string
  expires_at: Date | null
  now: Date
  /** An assisted session: the Back Office user and their reason. */
  assisted_by?: string | null
  assistance_reason?: string | null
}

export type Revocation = {
  auth_identity_id: string
  /** Only these sessions (null: every session of the identity). */
  only: string[] | null
  /** Sessions that stay (the one that asked). */
  except: string[]
  reason: string
  by: string
  now: Date
  /** Moves the identity's cut-off to `now`: unknown tokens issued before are refused too. */
  cutoff: boolean
}

export type RevocationResult = {
  /** Every session this revocation ended. */
  ids: string[]
  /** The cut-off before (null: none), for a compensation to restore. */
  previous_cutoff: Date | null
}

/** Knex's pool of node-postgres connections, as far as the check uses it. */
type PooledClient = {
  acquireConnection(): Promise<{
    query<R>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>
  }>
  releaseConnection(connection: unknown): Promise<unknown>
}

/** The check's statement ($1 token hash, $2 cookie session id, $3 identity). */
const SESSION_CHECK_SQL = `select s.id as session_id, s.auth_identity_id as session_identity_id, s.revoked_at, s.ends_at,
       s.last_seen_at, s.assisted_by,
       (select c.not_before from account_session_cutoff c
        where c.auth_identity_id = $3::text and c.deleted_at is null) as not_before
  from (select 1) as one
  left join account_session_token t on t.token_hash = $1::text and t.deleted_at is null
  left join account_session s on s.id = coalesce($2::text, t.session_id) and s.deleted_at is null`

/** Registered by Medusa from this folder as `sessionRegistryRepository`. */
export class SessionRegistryRepository {
  protected readonly pg: Knex

  constructor(cradle: Record<string, unknown>) {
    this.pg = cradle[ContainerRegistrationKeys.PG_CONNECTION] as Knex
  }

  protected async run<T>(sql: string, bindings: Record<string, unknown>): Promise<T[]> {
    return (await this.pg.raw<{ rows: T[] }>(sql, bindings)).rows
  }

  /**
   * The session a token (by hash) or a cookie session (by id) belongs to,
   * and the identity's cut-off: one statement, on every authenticated request.
   * A named prepared statement on a pooled connection of Medusa's knex:
   * PostgreSQL parses and plans it once per connection, not per request.
   */
  async check(params: { token_hash: string | null; session_id: string | null; auth_identity_id: string }) {
    const client = this.pg.client as PooledClient
    const connection = await client.acquireConnection()
    try {
      const { rows } = await connection.query<SessionCheckRow>({
        name: "cam_session_check_v2",
        text: SESSION_CHECK_SQL,
        values: [params.token_hash, params.session_id, params.auth_identity_id],
      })
      return rows[0]
    } finally {
      await client.releaseConnection(connection)
    }
  }

  /**
   * A new session and its first token, in one statement. Returns the
   * session's id; a token the registry knows already (Medusa's tokens carry
   * no id of their own: two logins of one identity in the same second get
   * the same token) keeps the session it has.
   */
  async begin(session: NewSession): Promise<string> {
    const [row] = await this.run<{ id: string }>(
      `with existing as (
         select session_id from account_session_token where token_hash = :token_hash and deleted_at is null),
       s as (
         insert into account_session
           (id, auth_identity_id, actor_type, method, ip, user_agent, started_at, last_seen_at, expires_at, ends_at,
            assisted_by, assistance_reason, created_at, updated_at)
         select :id, :auth_identity_id, :actor_type, :method, :ip, :user_agent, :started_at, :now, :expires_at, :ends_at,
                :assisted_by, :assistance_reason, :now, :now
         where not exists (select 1 from existing)
         returning id),
       t as (
         insert into account_session_token (id, token_hash, session_id, expires_at, created_at, updated_at)
         select :token_id, :token_hash, s.id, :expires_at, :now, :now from s
         on conflict (token_hash) where deleted_at is null do nothing)
       select coalesce((select id from s), (select session_id from existing)) as id`,
      {
        ...session,
        id: generateEntityId(undefined, "asess"),
        token_id: generateEntityId(undefined, "astok"),
        actor_type: session.actor_type.slice(0, 64),
        user_agent: session.user_agent?.slice(0, 512) ?? null,
        assisted_by: session.assisted_by ?? null,
        assistance_reason: session.assistance_reason ?? null,
      }
    )
    return row.id
  }

  /**
   * Adds a token to a session (a refresh, or the token of a completed second
   * factor): the session's newest expiry moves, nothing else of it does.
   */
  async extend(params: {
    session_id: string
    token_hash: string
    expires_at: Date | null
    refresh: boolean
    method: string | null
    now: Date
  }): Promise<void> {
    await this.run(
      `with t as (
         insert into account_session_token (id, token_hash, session_id, expires_at, created_at, updated_at)
         values (:token_id, :token_hash, :session_id, :expires_at, :now, :now)
         on conflict (token_hash) where deleted_at is null do nothing)
       update account_session set
         refresh_count = refresh_count + case when :refresh then 1 else 0 end,
         expires_at = greatest(expires_at, cast(:expires_at as timestamptz)),
         method = coalesce(cast(:method as text), method),
         last_seen_at = :now,
         updated_at = :now
       where id = :session_id`,
      { ...params, token_id: generateEntityId(undefined, "astok") }
    )
  }

  /** Writes `last_seen_at`, at most once per `everySeconds` per session (a no-op otherwise). */
  async touch(sessionId: string, now: Date, everySeconds: number): Promise<void> {
    await this.run(
      `update account_session set last_seen_at = :now
       where id = :id and last_seen_at <= cast(:now as timestamptz) - make_interval(secs => :every)`,
      { id: sessionId, now, every: everySeconds }
    )
  }

  /** Marks a session as a cookie session (`POST /auth/session`). */
  async markCookie(sessionId: string, now: Date): Promise<void> {
    await this.run(`update account_session set cookie = true, updated_at = :now where id = :id`, {
      id: sessionId,
      now,
    })
  }

  /**
   * Ends sessions of one identity, and moves its cut-off, in one statement.
   * Only sessions that could still be used end (one already revoked keeps
   * its first reason; an expired one ends by itself).
   */
  async revoke(revocation: Revocation): Promise<RevocationResult> {
    const [row] = await this.run<{ ids: string[] | null; previous_cutoff: Date | null }>(
      `with revoked as (
         update account_session set revoked_at = :now, revoked_reason = :reason, revoked_by = :by, updated_at = :now
         where auth_identity_id = :auth_identity_id and deleted_at is null and revoked_at is null
           and ends_at > :now and (expires_at is null or expires_at > :now)
           and (cast(:only as text[]) is null or id = any(cast(:only as text[])))
           and not (id = any(cast(:except as text[])))
         returning id),
       previous as (
         select not_before from account_session_cutoff
         where auth_identity_id = :auth_identity_id and deleted_at is null),
       cut as (
         insert into account_session_cutoff (id, auth_identity_id, not_before, created_at, updated_at)
         select :cutoff_id, :auth_identity_id, :now, :now, :now where :cutoff
         on conflict (auth_identity_id) where deleted_at is null do update set
           not_before = greatest(account_session_cutoff.not_before, excluded.not_before),
           updated_at = excluded.updated_at
         returning 1)
       select (select array_agg(id) from revoked) as ids,
              (select not_before from previous) as previous_cutoff,
              (select count(*) from cut) as cut`,
      {
        ...revocation,
        only: revocation.only ? pgArray(revocation.only) : null,
        except: pgArray(revocation.except),
        cutoff_id: generateEntityId(undefined, "ascut"),
      }
    )
    return { ids: row?.ids ?? [], previous_cutoff: row?.previous_cutoff ?? null }
  }

  /** Takes a revocation back (a workflow's compensation): its sessions live again, the cut-off is as before. */
  async restore(authIdentityId: string, result: RevocationResult, now: Date): Promise<void> {
    await this.run(
      `with sessions as (
         update account_session set revoked_at = null, revoked_reason = null, revoked_by = null, updated_at = :now
         where id = any(cast(:ids as text[])))
       update account_session_cutoff set not_before = coalesce(cast(:previous as timestamptz), '-infinity'), updated_at = :now
       where auth_identity_id = :auth_identity_id and deleted_at is null`,
      { ids: pgArray(result.ids), previous: result.previous_cutoff, auth_identity_id: authIdentityId, now }
    )
  }

  /** An identity's sessions that can still be used, newest activity first. */
  async listActive(authIdentityId: string, now: Date): Promise<SessionRow[]> {
    return this.run<SessionRow>(
      `select id, auth_identity_id, actor_type, method, ip, user_agent, cookie, refresh_count, started_at,
              last_seen_at, expires_at, ends_at, revoked_at, revoked_reason, revoked_by
       from account_session
       where auth_identity_id = :auth_identity_id and deleted_at is null and revoked_at is null
         and ends_at > :now and (expires_at is null or expires_at > :now)
       order by last_seen_at desc, started_at desc
       limit 200`,
      { auth_identity_id: authIdentityId, now }
    )
  }

  /** One session by id, if it is the identity's. */
  async findOfIdentity(sessionId: string, authIdentityId: string): Promise<SessionRow | null> {
    const [row] = await this.run<SessionRow>(
      `select * from account_session where id = :id and auth_identity_id = :auth_identity_id and deleted_at is null`,
      { id: sessionId, auth_identity_id: authIdentityId }
    )
    return row ?? null
  }

  /**
   * Forgets identities' sessions (an erasure): their rows (with IPs and
   * browsers) are deleted and the cut-off moved, in one statement, so every
   * token of theirs is refused from then on.
   */
  async forget(authIdentityIds: string[], now: Date): Promise<number> {
    if (!authIdentityIds.length) {
      return 0
    }
    const [row] = await this.run<{ count: number }>(
      `with gone as (
         delete from account_session where auth_identity_id = any(cast(:ids as text[])) returning id),
       tokens as (
         delete from account_session_token where session_id in (select id from gone)),
       cut as (
         insert into account_session_cutoff (id, auth_identity_id, not_before, created_at, updated_at)
         select 'ascut_' || md5(cast(random() as text) || id), id, :now, :now, :now from unnest(cast(:ids as text[])) as id
         on conflict (auth_identity_id) where deleted_at is null do update set
           not_before = greatest(account_session_cutoff.not_before, excluded.not_before), updated_at = excluded.updated_at)
       select cast(count(*) as integer) as count from gone`,
      { ids: pgArray(authIdentityIds), now }
    )
    return Number(row?.count ?? 0)
  }

  /**
   * Deletes sessions that ended (revoked, expired or past their absolute
   * end) more than `before` ago, with their tokens. Returns how many.
   */
  async prune(before: Date): Promise<number> {
    const [row] = await this.run<{ count: number }>(
      `with gone as (
         delete from account_session
         where coalesce(revoked_at, least(ends_at, coalesce(expires_at, ends_at))) < :before
         returning id),
       tokens as (delete from account_session_token where session_id in (select id from gone))
       select cast(count(*) as integer) as count from gone`,
      { before }
    )
    return Number(row?.count ?? 0)
  }
}

/** A text[] literal for a binding (knex would expand a JS array into a list). */
function pgArray(values: string[]): string {
  return `{${values.map((value) => `"${value.replace(/(["\\])/g, "\\$1")}"`).join(",")}}`
}
