import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { AccountKind, LoginAttemptInput, ThrottleScope } from "../types"

/**
 * The failed-login lockout's SQL: every statement on `login_throttle` is one
 * atomic statement on a row keyed by (scope, key), so it holds across
 * concurrent requests and across server instances sharing the database;
 * `login_attempt` is an append-only log. Bindings are named (`:name`).
 * Decisions (limits, what a row means) are the LockoutService's.
 *
 * Statements that touch an identifier's row and an IP's row take the
 * identifier's first, one row per statement, so none can deadlock.
 */

/**
 * The limit of an identifier row: its owner's block as the identity names it
 * (`owner`, when the caller knows the identity's accounts), else as a verdict
 * remembered it, else the route's. Bindings: `owner`, `route`, `user_max`,
 * `customer_max`.
 */
const OWNER_MAX = `case when coalesce(cast(:owner as text), owner_kind, :route) = 'user'
  then cast(:user_max as integer) else cast(:customer_max as integer) end`

/**
 * The SET clause that counts one login attempt on a `login_throttle` row in
 * an upsert. While the row is locked the count stands still; once its window
 * has passed or its lock has ended, counting starts again at 1; otherwise it
 * grows up to the cap (the limit plus one: attempts refused over the limit
 * are not password checks). `windowStart` and `cap` are SQL expressions.
 */
const countAttempt = (windowStart: string, cap: string) => `attempts = case
    when t.locked_until > excluded.updated_at then t.attempts
    when t.window_started_at <= ${windowStart} or t.window_started_at <= t.locked_until then 1
    else least(t.attempts + 1, ${cap}) end,
  window_started_at = case
    when t.locked_until > excluded.updated_at then t.window_started_at
    when t.window_started_at <= ${windowStart} or t.window_started_at <= t.locked_until then excluded.window_started_at
    else t.window_started_at end,
  updated_at = excluded.updated_at`

/** Whether a failure reaching the limit locks the row now (not while it is locked). */
const LOCKS_NOW = `t.attempts >= :max_attempts and (t.locked_until is null or t.locked_until <= :now)`

/**
 * The attempts counted on a lockout row whose key is `:identifier`: an
 * identity's (its id) or, for e-mails naming no identity, the canonical e-mail.
 */
const ATTEMPTS_OF_KEY = `(a.auth_identity_id = :identifier or (a.auth_identity_id is null and a.identifier = :identifier))`

const INSERT_LOGIN_ATTEMPT = `insert into login_attempt
  (id, identifier, auth_identity_id, actor_type, customer_id, user_id, ip, user_agent, outcome, attempted_at)
  values (:attempt_id, :identifier, :auth_identity_id, :actor_type, :customer_id, :user_id, :ip, :user_agent, :outcome, :attempted_at)`

/**
 * A refused attempt, counted into its minute's aggregate (one row per
 * identifier, identity, IP, route and minute; see the model): one statement,
 * so concurrent refusals on any instance each count once. An aggregate's
 * update touches no indexed column (PostgreSQL can update it in place).
 */
const COUNT_REFUSED_ATTEMPT = `insert into login_attempt as a
  (id, identifier, auth_identity_id, actor_type, customer_id, user_id, ip, user_agent, outcome, attempted_at,
   count, last_attempted_at, bucket)
  values (:attempt_id, :identifier, :auth_identity_id, :actor_type, :customer_id, :user_id, :ip, :user_agent, 'refused',
          :attempted_at, 1, :attempted_at, date_trunc('minute', cast(:attempted_at as timestamptz)))
  on conflict (identifier, (coalesce(auth_identity_id, '')), (coalesce(ip, '')), (coalesce(actor_type, '')), bucket)
    where outcome = 'refused' and bucket is not null and deleted_at is null
  do update set count = a.count + 1, last_attempted_at = greatest(a.last_attempted_at, excluded.last_attempted_at)`

const loginAttemptBindings = (input: LoginAttemptInput) => ({
  attempt_id: generateEntityId(undefined, "latt"),
  identifier: input.identifier,
  auth_identity_id: input.auth_identity_id ?? null,
  actor_type: input.actor_type?.slice(0, 64) ?? null,
  customer_id: input.customer_id ?? null,
  user_id: input.user_id ?? null,
  ip: input.ip ?? null,
  user_agent: input.user_agent?.slice(0, 512) ?? null,
  outcome: input.outcome,
  attempted_at: input.attempted_at,
})

/** The limits an identifier row is counted under, per owner kind. */
export type OwnerLimits = {
  route: AccountKind
  /** The identity's owner as its accounts name it (null: not known here). */
  owner: AccountKind | null
  user_max: number
  customer_max: number
}

export type AdmitParams = OwnerLimits & {
  identifier: string
  ip: string | null
  now: Date
  user_window_start: Date
  customer_window_start: Date
  ip_window_start: Date
  /** The route's IP limit plus one. */
  ip_cap: number
}

export type AdmitRow = {
  ip_locked_until: Date | null
  max_attempts: number
  attempts: number | null
  locked_until: Date | null
  ip_attempts: number | null
  ip_counted_locked_until: Date | null
}

export type ThrottleRow = {
  attempts: number
  locked_until: Date | string | null
  lock_count: number
  last_locked_at: Date | string | null
  last_failed_at?: Date | string | null
  owner_kind?: AccountKind | null
}

/**
 * Registered by Medusa from this folder (as `lockoutRepository`) in the
 * module's container, like the repositories of Medusa's own modules.
 */
export class LockoutRepository {
  protected readonly pg: Knex

  constructor(cradle: Record<string, unknown>) {
    this.pg = cradle[ContainerRegistrationKeys.PG_CONNECTION] as Knex
  }

  protected async run<T>(sql: string, bindings: Record<string, unknown>): Promise<T[]> {
    return (await this.pg.raw<{ rows: T[] }>(sql, bindings)).rows
  }

  /**
   * Counts one attempt for the identifier and, if the identifier admits it,
   * for the IP, in one statement. A locked IP counts nothing.
   */
  async admit(params: AdmitParams): Promise<AdmitRow> {
    const [row] = await this.run<AdmitRow>(
      `with limits as (
         select case when kind = 'user' then cast(:user_max as integer)
                     else cast(:customer_max as integer) end as max_attempts,
                case when kind = 'user' then cast(:user_window_start as timestamptz)
                     else cast(:customer_window_start as timestamptz) end as window_start
         from (select coalesce(
           cast(:owner as text),
           (select owner_kind from login_throttle
            where scope = 'identifier' and key = :identifier and deleted_at is null),
           :route) as kind) as owner
       ),
       ip_lock as (
         select locked_until from login_throttle
         where scope = 'ip' and key = :ip and deleted_at is null and locked_until > :now
       ),
       counted as (
         insert into login_throttle as t (id, scope, key, attempts, window_started_at, created_at, updated_at)
         select :identifier_row_id, 'identifier', :identifier, 1, :now, :now, :now
         where not exists (select 1 from ip_lock)
         on conflict (scope, key) where deleted_at is null do update set
           ${countAttempt("(select window_start from limits)", "(select max_attempts from limits) + 1")}
         returning attempts, locked_until
       ),
       ip_counted as (
         insert into login_throttle as t (id, scope, key, attempts, window_started_at, created_at, updated_at)
         select :ip_row_id, 'ip', :ip, 1, :now, :now, :now
         from counted, limits
         where :has_ip and counted.attempts <= limits.max_attempts
           and (counted.locked_until is null or counted.locked_until <= :now)
         on conflict (scope, key) where deleted_at is null do update set
           ${countAttempt("cast(:ip_window_start as timestamptz)", ":ip_cap")}
         returning attempts, locked_until
       )
       select (select locked_until from ip_lock) as ip_locked_until,
              (select max_attempts from limits) as max_attempts,
              counted.attempts, counted.locked_until,
              ip_counted.attempts as ip_attempts, ip_counted.locked_until as ip_counted_locked_until
       from (select 1) as one
       left join counted on true
       left join ip_counted on true`,
      {
        ...params,
        ip: params.ip ?? "",
        has_ip: params.ip !== null,
        identifier_row_id: generateEntityId(undefined, "lthr"),
        ip_row_id: generateEntityId(undefined, "lthr"),
      }
    )
    return row
  }

  /**
   * A failed check on the identifier's row: locks it when the count reached
   * the owner's limit, for `lockSeconds` doubled per lock in the last 24 h
   * (up to `maxLockSeconds`); remembers the owner's kind.
   */
  async recordIdentifierFailure(params: {
    identifier: string
    owner: AccountKind
    now: Date
    day_ago: Date
    max_attempts: number
    lock_seconds: number
    max_lock_seconds: number
  }): Promise<{ locked_until: Date | null; lock_count: number; prev_locked_until: Date | null } | undefined> {
    const [row] = await this.run<{ locked_until: Date | null; lock_count: number; prev_locked_until: Date | null }>(
      `with prev as (
         select id, locked_until as prev_locked_until,
                -- Escalate when the previous lock ended less than 24 h ago.
                case when locked_until > :day_ago then lock_count + 1 else 1 end as next_lock_count
         from login_throttle
         where scope = 'identifier' and key = :identifier and deleted_at is null
         for update
       )
       update login_throttle t set
         owner_kind = :owner,
         last_failed_at = :now,
         updated_at = :now,
         locked_until = case when ${LOCKS_NOW}
           then cast(:now as timestamptz) + make_interval(secs => least(
             cast(:max_lock_seconds as float8),
             cast(:lock_seconds as float8) * power(2, prev.next_lock_count - 1)))
           else t.locked_until end,
         lock_count = case when ${LOCKS_NOW} then prev.next_lock_count else t.lock_count end,
         last_locked_at = case when ${LOCKS_NOW} then :now else t.last_locked_at end
       from prev
       where t.id = prev.id
       returning t.locked_until, t.lock_count, prev.prev_locked_until`,
      params
    )
    return row
  }

  /** A failed check on the IP's row: blocks it for `lockSeconds` when the count reached its limit. */
  async recordIpFailure(params: { ip: string; now: Date; max_attempts: number; lock_seconds: number }): Promise<void> {
    await this.run(
      `update login_throttle t set
         last_failed_at = :now,
         updated_at = :now,
         locked_until = case when ${LOCKS_NOW}
           then cast(:now as timestamptz) + make_interval(secs => :lock_seconds) else t.locked_until end,
         last_locked_at = case when ${LOCKS_NOW} then :now else t.last_locked_at end
       where scope = 'ip' and key = :ip and deleted_at is null`,
      params
    )
  }

  /**
   * Gives back one admitted attempt on the identifier's row. A count held one
   * over its limit (an attempt refused there) first drops back to the limit:
   * that refusal was never an admission.
   */
  async releaseIdentifier(params: OwnerLimits & { identifier: string; now: Date }): Promise<void> {
    await this.run(
      `update login_throttle set
         attempts = greatest(least(attempts, ${OWNER_MAX}) - 1, 0),
         updated_at = :now
       where scope = 'identifier' and key = :identifier and deleted_at is null`,
      params
    )
  }

  /** The same for an IP's row, under its route's limit. */
  async releaseIp(params: { ip: string; limit: number; now: Date }): Promise<void> {
    await this.run(
      `update login_throttle set
         attempts = greatest(least(attempts, :limit) - 1, 0),
         updated_at = :now
       where scope = 'ip' and key = :ip and deleted_at is null`,
      params
    )
  }

  /** A success: forgets the identifier's failures (not its lock history), remembers the owner, logs it. */
  async recordSuccess(
    attempt: Omit<LoginAttemptInput, "outcome">,
    owner: AccountKind,
    now: Date,
    key: string = attempt.identifier
  ): Promise<void> {
    await this.run(
      `with reset as (
         update login_throttle set attempts = 0, owner_kind = :owner, updated_at = :now
         where scope = 'identifier' and key = :throttle_key and deleted_at is null
       )
       ${INSERT_LOGIN_ATTEMPT}`,
      { ...loginAttemptBindings({ ...attempt, outcome: "success" }), owner, now, throttle_key: key }
    )
  }

  /** Clears a row's count and lock; returns what it held (none when there was no row). */
  async clear(scope: ThrottleScope, key: string, now: Date): Promise<ThrottleRow | undefined> {
    const [row] = await this.run<ThrottleRow>(
      `with prev as (
         select id, attempts, locked_until, lock_count, last_locked_at from login_throttle
         where scope = :scope and key = :key and deleted_at is null for update
       )
       update login_throttle t set attempts = 0, locked_until = null, lock_count = 0,
         last_locked_at = null, updated_at = :now
       from prev where t.id = prev.id
       returning prev.attempts, prev.locked_until, prev.lock_count, prev.last_locked_at`,
      { scope, key, now }
    )
    return row
  }

  /** Puts back what `clear` removed. */
  async restore(
    scope: ThrottleScope,
    key: string,
    previous: { attempts: number; locked_until: Date | null; lock_count: number; last_locked_at: Date | null },
    now: Date
  ): Promise<void> {
    await this.run(
      `update login_throttle set attempts = :attempts, locked_until = :locked_until, lock_count = :lock_count,
         last_locked_at = :last_locked_at, updated_at = :now
       where scope = :scope and key = :key and deleted_at is null`,
      { ...previous, scope, key, now }
    )
  }

  /** One row (identifier or IP), as stored. */
  async find(scope: ThrottleScope, key: string): Promise<ThrottleRow | undefined> {
    const [row] = await this.run<ThrottleRow>(
      `select attempts, locked_until, lock_count, last_locked_at, last_failed_at, owner_kind
       from login_throttle where scope = :scope and key = :key and deleted_at is null`,
      { scope, key }
    )
    return row
  }

  /** The IPs blocked at `now` that `identifier` was tried from since `since` (at most 20). */
  async blockedIpsFor(identifier: string, now: Date, since: Date): Promise<{ key: string; locked_until: Date | string }[]> {
    return this.run(
      `select t.key, t.locked_until from login_throttle t
       where t.scope = 'ip' and t.deleted_at is null and t.locked_until > :now
         and t.key in (
           select a.ip from login_attempt a
           where ${ATTEMPTS_OF_KEY} and a.attempted_at > :since and a.ip is not null and a.deleted_at is null
         )
       order by t.locked_until desc, t.key
       limit 20`,
      { identifier, now, since }
    )
  }

  /** The IP as the attempt log spells it when `identifier` was tried from it since `since`. */
  async recentAttemptIp(identifier: string, ip: string, since: Date): Promise<string | null> {
    const [row] = await this.run<{ ip: string }>(
      `select ip from login_attempt a
       where ${ATTEMPTS_OF_KEY} and attempted_at > :since and lower(ip) = lower(:ip) and deleted_at is null
       order by attempted_at desc limit 1`,
      { identifier, ip, since }
    )
    return row?.ip ?? null
  }

  /** Appends one entry to the attempt log (a refused one to its minute's aggregate). */
  async insertAttempt(input: LoginAttemptInput): Promise<void> {
    await this.run(input.outcome === "refused" ? COUNT_REFUSED_ATTEMPT : INSERT_LOGIN_ATTEMPT, loginAttemptBindings(input))
  }

  /** Deletes attempt-log entries older than `cutoff`; returns how many. */
  async pruneAttempts(cutoff: Date): Promise<number> {
    return (await this.run(`delete from login_attempt where attempted_at < :cutoff returning id`, { cutoff })).length
  }
}
