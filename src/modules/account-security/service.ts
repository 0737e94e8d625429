import type { Context } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  generateEntityId,
  InjectManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import type { EntityManager, Knex } from "@medusajs/framework/mikro-orm/knex"
import { systemClock, type Clock } from "../../lib/clock"
import { parsePluginOptions, type LockoutLimits, type PluginOptions } from "../../lib/options"
import {
  describePasswordPolicy,
  isPasswordReused,
  validatePassword,
  type PasswordContext,
  type PasswordPolicySummary,
  type PasswordValidationResult,
  reusedPasswordError,
} from "../../lib/password-policy"
import LoginAttempt from "./models/login-attempt"
import LoginThrottle from "./models/login-throttle"
import PasswordHistory from "./models/password-history"
import SecurityCounter from "./models/security-counter"

export const SecurityCounterScopes = {
  PASSWORD_RESET: "password_reset",
} as const

export type QuotaResult = { allowed: boolean; count: number }

export type LoginAdmission =
  | { admitted: true }
  | { admitted: false; retryAfterSeconds: number }

export type LoginFailureResult = {
  /** True when this failure locked the identifier (exactly one caller sees it). */
  locked: boolean
  locked_until: Date | null
  lock_count: number
}

export type LoginAttemptOutcome = "success" | "failure" | "refused"

/**
 * Whose lockout block applies: a Back Office user's (`userLockout`) or a
 * customer's (`lockout`, also for unknown identifiers and other actor types).
 */
export type AccountKind = "customer" | "user"

export type LoginAttemptInput = {
  identifier: string
  /** The actor type of the route the attempt came through (customer, user, …). */
  actor_type?: string | null
  customer_id?: string | null
  user_id?: string | null
  ip?: string | null
  user_agent?: string | null
  outcome: LoginAttemptOutcome
  attempted_at: Date
}

export type BlockedIp = { ip: string; blocked_until: Date }

export type ThrottleScope = "identifier" | "ip"

/** What a cleared `login_throttle` row held, to put it back. */
export type LoginThrottleSnapshot = {
  attempts: number
  locked_until: Date | null
  lock_count: number
  last_locked_at: Date | null
}

export type LockoutState = {
  locked: boolean
  locked_until: Date | null
  failed_attempts: number
  lock_count_24h: number
  last_failed_at: Date | null
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The lockout block of an identifier row: its owner's once a verdict named
 * the owner, else the route's. Bindings: `route`, and per block `*_max`.
 */
const OWNER_MAX = `case when coalesce(owner_kind, :route) = 'user'
  then cast(:user_max as integer) else cast(:customer_max as integer) end`

/**
 * Gives back one admitted attempt on a `login_throttle` row. A count held
 * one over its limit (an attempt refused there) first drops back to the
 * limit: that refusal was never an admission. Bindings: `limit`, `now`,
 * `scope`, `key`.
 */
const RELEASE_ATTEMPT = `update login_throttle set
    attempts = greatest(least(attempts, :limit) - 1, 0),
    updated_at = :now
  where scope = :scope and key = :key and deleted_at is null`

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

const INSERT_LOGIN_ATTEMPT = `insert into login_attempt
  (id, identifier, actor_type, customer_id, user_id, ip, user_agent, outcome, attempted_at)
  values (:attempt_id, :identifier, :actor_type, :customer_id, :user_id, :ip, :user_agent, :outcome, :attempted_at)`

/** Bindings of INSERT_LOGIN_ATTEMPT. */
const loginAttemptBindings = (input: LoginAttemptInput) => ({
  attempt_id: generateEntityId(undefined, "latt"),
  identifier: input.identifier,
  actor_type: input.actor_type?.slice(0, 64) ?? null,
  customer_id: input.customer_id ?? null,
  user_id: input.user_id ?? null,
  ip: input.ip ?? null,
  user_agent: input.user_agent?.slice(0, 512) ?? null,
  outcome: input.outcome,
  attempted_at: input.attempted_at,
})

/** A limit no count reaches: a lockout block that is switched off. */
const UNLIMITED = 1_000_000_000

type Manager = EntityManager

/**
 * Account-security rules: the password policy, password history and the
 * shared counters behind rate limits. Holds the plugin's parsed options.
 */
class AccountSecurityModuleService extends MedusaService({
  LoginAttempt,
  LoginThrottle,
  PasswordHistory,
  SecurityCounter,
}) {
  protected readonly options_: PluginOptions
  protected clock_: Clock = systemClock

  /** The database connection, for the statement every login attempt runs (see admitLogin). */
  protected readonly pg_: Knex

  constructor(container: Record<string, unknown>, options?: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parsePluginOptions(options ?? {})
    this.pg_ = container[ContainerRegistrationKeys.PG_CONNECTION] as Knex
  }

  getOptions(): PluginOptions {
    return this.options_
  }

  /** Replaces the clock; used by tests to move time instead of sleeping. */
  setClock(clock: Clock): void {
    this.clock_ = clock
  }

  now(): Date {
    return this.clock_.now()
  }

  describePasswordPolicy(): PasswordPolicySummary {
    return describePasswordPolicy(this.options_.passwordPolicy)
  }

  /** Runs the policy's synchronous rules (no history). */
  checkPassword(password: string, context: PasswordContext): PasswordValidationResult {
    return validatePassword(
      password,
      { ...context, store_name: this.options_.storeName ?? context.store_name },
      this.options_.passwordPolicy
    )
  }

  /**
   * The full policy for a password that will be stored for an existing auth
   * identity: the rules, then (only when they pass) reuse of the last
   * `historySize` passwords, which costs one scrypt verification per entry.
   */
  async checkNewPassword(
    password: string,
    context: PasswordContext,
    authIdentityId: string | null
  ): Promise<PasswordValidationResult> {
    const result = this.checkPassword(password, context)
    const { historySize } = this.options_.passwordPolicy
    if (!result.valid || !historySize || !authIdentityId) {
      return result
    }
    const hashes = await this.recentPasswordHashes(authIdentityId)
    if (await isPasswordReused(password, hashes)) {
      return {
        ...result,
        valid: false,
        errors: [...result.errors, reusedPasswordError(historySize)],
      }
    }
    return result
  }

  async recentPasswordHashes(authIdentityId: string): Promise<string[]> {
    const entries = await this.listPasswordHistories(
      { auth_identity_id: authIdentityId },
      {
        select: ["hash"],
        order: { created_at: "DESC", id: "DESC" },
        take: this.options_.passwordPolicy.historySize,
      }
    )
    return entries.map((entry) => entry.hash)
  }

  /**
   * Records the hash the auth provider just stored and forgets entries beyond
   * the history size. Does nothing while history is off.
   */
  async rememberPasswordHash(authIdentityId: string, hash: string): Promise<string | null> {
    const { historySize } = this.options_.passwordPolicy
    if (!historySize) {
      return null
    }
    const entry = await this.createPasswordHistories({ auth_identity_id: authIdentityId, hash })
    const stale = await this.listPasswordHistories(
      { auth_identity_id: authIdentityId },
      { select: ["id"], order: { created_at: "DESC", id: "DESC" }, skip: historySize }
    )
    if (stale.length) {
      await this.deletePasswordHistories(stale.map((entry) => entry.id))
    }
    return entry.id
  }

  /**
   * Counts one use of a quota in a fixed window and says whether it is still
   * within `max`. One atomic statement: concurrent callers on any instance
   * each get their own count.
   */
  @InjectManager()
  async consumeQuota(
    scope: string,
    key: string,
    max: number,
    windowSeconds: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<QuotaResult> {
    const now = this.now()
    const windowStart = new Date(now.getTime() - windowSeconds * 1000)
    const rows: { count: number }[] = await sharedContext.manager!.execute(
      `insert into security_counter as c (id, scope, key, count, window_started_at, created_at, updated_at)
       values (?, ?, ?, 1, ?, ?, ?)
       on conflict (scope, key) where deleted_at is null do update set
         count = case when c.window_started_at <= ? then 1 else c.count + 1 end,
         window_started_at = case when c.window_started_at <= ? then excluded.window_started_at else c.window_started_at end,
         updated_at = excluded.updated_at
       returning count`,
      [generateEntityId(undefined, "seccnt"), scope, key, now, now, now, windowStart, windowStart]
    )
    const count = Number(rows[0].count)
    return { allowed: count <= max, count }
  }

  // ---------------------------------------------------------------------
  // Failed-login lockout. Every decision is one atomic SQL statement on a
  // row keyed by (scope, key), so it holds across concurrent requests and
  // across server instances sharing the database. The identifier row is the
  // emailpass identity's (one password, whatever actor type a route names);
  // its limits are its owner's block (see OWNER_MAX). An IP's limits are the
  // block of the route the attempt came through.
  // ---------------------------------------------------------------------

  /** The limits of one block; a switched-off Back Office block never locks. */
  limitsFor(kind: AccountKind): LockoutLimits {
    if (kind === "user") {
      const { enabled, ...limits } = this.options_.userLockout
      return enabled ? limits : { ...limits, maxAttempts: UNLIMITED, ipMaxAttempts: UNLIMITED }
    }
    return this.options_.lockout
  }

  /** Bindings of OWNER_MAX for an attempt through a `route` of this kind. */
  protected ownerMaxBindings(route: AccountKind) {
    return {
      route,
      user_max: this.limitsFor("user").maxAttempts,
      customer_max: this.limitsFor("customer").maxAttempts,
    }
  }

  /** Runs one statement with named bindings (`:name`). */
  protected async run<T = Record<string, unknown>>(
    manager: Manager,
    sql: string,
    bindings: Record<string, unknown>
  ): Promise<T[]> {
    return (await manager.execute(manager.getKnex().raw(sql, bindings))) as T[]
  }

  /**
   * Decides, before any password is checked, whether an attempt may proceed.
   * Counts the attempt for the identifier and for the IP in the same
   * statement, so of N parallel attempts exactly `maxAttempts - failures so
   * far` are admitted for one identifier, and `ipMaxAttempts - failures so
   * far` for one IP whatever identifiers it tries. An admitted attempt holds
   * its place in both counts until its verdict: a failure keeps it, a success
   * or an abort gives it back. Unknown identifiers are counted exactly like
   * real ones.
   */
  async admitLogin(
    identifier: string,
    ip: string | null,
    route: AccountKind = "customer"
  ): Promise<LoginAdmission> {
    const now = this.now()
    const windowStart = (kind: AccountKind) =>
      new Date(now.getTime() - this.limitsFor(kind).windowSeconds * 1000)
    const routeLimits = this.limitsFor(route)
    // One round trip. A locked IP counts nothing. Otherwise the identifier's
    // attempt is counted under its owner's limits (upsert, row-locked), and
    // only an attempt the identifier admits is counted for the IP under the
    // route's limits (upsert, row-locked). Both counts stop one over their
    // limit: attempts refused there are not password checks.
    // Straight on the connection: no transaction or ORM context to join, and
    // under attack this is the statement every request runs.
    const {
      rows: [row],
    } = await this.pg_.raw<{
      rows: {
        ip_locked_until: Date | null
        max_attempts: number
        attempts: number | null
        locked_until: Date | null
        ip_attempts: number | null
        ip_counted_locked_until: Date | null
      }[]
    }>(
      `with limits as (
         select case when kind = 'user' then cast(:user_max as integer)
                     else cast(:customer_max as integer) end as max_attempts,
                case when kind = 'user' then cast(:user_window_start as timestamptz)
                     else cast(:customer_window_start as timestamptz) end as window_start
         from (select coalesce(
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
        identifier,
        ip: ip ?? "",
        has_ip: ip !== null,
        now,
        route,
        user_max: this.limitsFor("user").maxAttempts,
        customer_max: this.limitsFor("customer").maxAttempts,
        user_window_start: windowStart("user"),
        customer_window_start: windowStart("customer"),
        identifier_row_id: generateEntityId(undefined, "lthr"),
        ip_row_id: generateEntityId(undefined, "lthr"),
        ip_window_start: windowStart(route),
        ip_cap: routeLimits.ipMaxAttempts + 1,
      }
    )
    if (row.ip_locked_until) {
      return { admitted: false, retryAfterSeconds: this.secondsUntil(row.ip_locked_until, now) }
    }
    if (row.locked_until && new Date(row.locked_until) > now) {
      return { admitted: false, retryAfterSeconds: this.secondsUntil(row.locked_until, now) }
    }
    if (Number(row.attempts) > Number(row.max_attempts)) {
      // Attempts still running will lock the identifier when they fail.
      return { admitted: false, retryAfterSeconds: routeLimits.lockSeconds }
    }
    // Locked by a concurrent failure since ip_lock was read, or full.
    const ipLockedUntil =
      row.ip_counted_locked_until && new Date(row.ip_counted_locked_until) > now
        ? new Date(row.ip_counted_locked_until)
        : null
    if (
      row.ip_attempts !== null &&
      (ipLockedUntil || Number(row.ip_attempts) > routeLimits.ipMaxAttempts)
    ) {
      // The IP refuses an attempt the identifier had counted: give that back.
      await this.releaseLoginAttempt(identifier, null, route)
      return {
        admitted: false,
        retryAfterSeconds: ipLockedUntil ? this.secondsUntil(ipLockedUntil, now) : routeLimits.lockSeconds,
      }
    }
    return { admitted: true }
  }

  /**
   * Records a failed password check: may lock the identifier under its
   * owner's limits (progressively: each lock within 24 h doubles the
   * duration, up to `maxLockSeconds`), and blocks the IP for the route's
   * `lockSeconds` once its count reaches `ipMaxAttempts`. Both counts already
   * hold this attempt since its admission. Remembers the owner's kind, so
   * the next admissions count under its limits.
   */
  @InjectManager()
  async recordLoginFailure(
    identifier: string,
    ip: string | null,
    { owner = "customer", route = owner }: { owner?: AccountKind; route?: AccountKind } = {},
    @MedusaContext() sharedContext: Context<Manager> = {}
  ): Promise<LoginFailureResult> {
    const { maxAttempts, lockSeconds, maxLockSeconds } = this.limitsFor(owner)
    const routeLimits = this.limitsFor(route)
    const manager = sharedContext.manager!
    const now = this.now()
    const locksNow = `t.attempts >= :max_attempts and (t.locked_until is null or t.locked_until <= :now)`

    const [row] = await this.run<{
      locked_until: Date | null
      lock_count: number
      prev_locked_until: Date | null
    }>(
      manager,
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
         locked_until = case when ${locksNow}
           then cast(:now as timestamptz) + make_interval(secs => least(
             cast(:max_lock_seconds as float8),
             cast(:lock_seconds as float8) * power(2, prev.next_lock_count - 1)))
           else t.locked_until end,
         lock_count = case when ${locksNow} then prev.next_lock_count else t.lock_count end,
         last_locked_at = case when ${locksNow} then :now else t.last_locked_at end
       from prev
       where t.id = prev.id
       returning t.locked_until, t.lock_count, prev.prev_locked_until`,
      {
        identifier,
        owner,
        now,
        day_ago: new Date(now.getTime() - DAY_MS),
        max_attempts: maxAttempts,
        lock_seconds: lockSeconds,
        max_lock_seconds: maxLockSeconds,
      }
    )

    if (ip) {
      // After the identifier's row: every statement takes the rows in the
      // admission's order, so none can deadlock.
      await this.run(
        manager,
        `update login_throttle t set
           last_failed_at = :now,
           updated_at = :now,
           locked_until = case when ${locksNow}
             then cast(:now as timestamptz) + make_interval(secs => :lock_seconds) else t.locked_until end,
           last_locked_at = case when ${locksNow} then :now else t.last_locked_at end
         where scope = 'ip' and key = :ip and deleted_at is null`,
        { ip, now, max_attempts: routeLimits.ipMaxAttempts, lock_seconds: routeLimits.lockSeconds }
      )
    }

    if (!row) {
      return { locked: false, locked_until: null, lock_count: 0 }
    }
    const lockedUntil = row.locked_until ? new Date(row.locked_until) : null
    const previous = row.prev_locked_until ? new Date(row.prev_locked_until) : null
    const locked =
      !!lockedUntil && lockedUntil > now && (!previous || previous <= now)
    return { locked, locked_until: lockedUntil, lock_count: Number(row.lock_count) }
  }

  /**
   * Gives back an admitted attempt that never reached a verdict (e.g. the
   * provider failed for another reason than the password), so it uses up
   * neither the account's nor the IP's budget.
   */
  @InjectManager()
  async releaseLoginAttempt(
    identifier: string,
    ip: string | null,
    route: AccountKind = "customer",
    @MedusaContext() sharedContext: Context<Manager> = {}
  ): Promise<void> {
    await this.releaseCounts(sharedContext.manager!, identifier, ip, route)
  }

  /** Takes one admitted attempt off the identifier's and the IP's counts (see RELEASE_ATTEMPT). */
  protected async releaseCounts(
    manager: Manager,
    identifier: string,
    ip: string | null,
    route: AccountKind
  ): Promise<void> {
    const now = this.now()
    // One row per statement, identifier first: every statement that holds
    // both rows takes them in the admission's order, so none can deadlock.
    await this.run(
      manager,
      RELEASE_ATTEMPT.replace(":limit", OWNER_MAX),
      { ...this.ownerMaxBindings(route), now, scope: "identifier", key: identifier }
    )
    if (ip) {
      await this.run(manager, RELEASE_ATTEMPT, {
        limit: this.limitsFor(route).ipMaxAttempts,
        now,
        scope: "ip",
        key: ip,
      })
    }
  }

  /**
   * A successful login forgets the identifier's failures (not its lock
   * history), remembers its owner's kind and is logged, in one statement;
   * then its place in the IP's count is given back.
   */
  @InjectManager()
  async recordLoginSuccess(
    attempt: Omit<LoginAttemptInput, "outcome">,
    { owner = "customer", route = owner }: { owner?: AccountKind; route?: AccountKind } = {},
    @MedusaContext() sharedContext: Context<Manager> = {}
  ): Promise<void> {
    const manager = sharedContext.manager!
    const now = this.now()
    await this.run(
      manager,
      `with reset as (
         update login_throttle set attempts = 0, owner_kind = :owner, updated_at = :now
         where scope = 'identifier' and key = :identifier and deleted_at is null
       )
       ${INSERT_LOGIN_ATTEMPT}`,
      { ...loginAttemptBindings({ ...attempt, outcome: "success" }), owner, now }
    )
    if (attempt.ip) {
      // The IP counts failures only: the place this attempt held is given back.
      await this.run(manager, RELEASE_ATTEMPT, {
        limit: this.limitsFor(route).ipMaxAttempts,
        now,
        scope: "ip",
        key: attempt.ip,
      })
    }
  }

  /**
   * Lifts an identifier's lock and clears its counters (a completed password
   * reset). Returns whether it was locked.
   */
  async unlockIdentifier(identifier: string): Promise<boolean> {
    return (await this.clearLoginThrottle("identifier", identifier)).was_locked
  }

  /**
   * Clears one throttle row's count and lock (admin unlock, admin unblock of
   * an IP). Returns whether it was locked, and the row's state before, for
   * {@link restoreLoginThrottle} (null when there was no row).
   */
  @InjectManager()
  async clearLoginThrottle(
    scope: ThrottleScope,
    key: string,
    @MedusaContext() sharedContext: Context<Manager> = {}
  ): Promise<{ was_locked: boolean; previous: LoginThrottleSnapshot | null }> {
    const now = this.now()
    const [row]: {
      attempts: number
      locked_until: Date | string | null
      lock_count: number
      last_locked_at: Date | string | null
    }[] = await sharedContext.manager!.execute(
      `with prev as (
         select id, attempts, locked_until, lock_count, last_locked_at from login_throttle
         where scope = ? and key = ? and deleted_at is null for update
       )
       update login_throttle t set attempts = 0, locked_until = null, lock_count = 0,
         last_locked_at = null, updated_at = ?
       from prev where t.id = prev.id
       returning prev.attempts, prev.locked_until, prev.lock_count, prev.last_locked_at`,
      [scope, key, now]
    )
    if (!row) {
      return { was_locked: false, previous: null }
    }
    const previous: LoginThrottleSnapshot = {
      attempts: Number(row.attempts),
      locked_until: row.locked_until ? new Date(row.locked_until) : null,
      lock_count: Number(row.lock_count),
      last_locked_at: row.last_locked_at ? new Date(row.last_locked_at) : null,
    }
    return { was_locked: !!previous.locked_until && previous.locked_until > now, previous }
  }

  /** Puts back a row that {@link clearLoginThrottle} cleared (workflow compensation). */
  @InjectManager()
  async restoreLoginThrottle(
    scope: ThrottleScope,
    key: string,
    previous: LoginThrottleSnapshot,
    @MedusaContext() sharedContext: Context<Manager> = {}
  ): Promise<void> {
    await sharedContext.manager!.execute(
      `update login_throttle set attempts = ?, locked_until = ?, lock_count = ?, last_locked_at = ?, updated_at = ?
       where scope = ? and key = ? and deleted_at is null`,
      [
        previous.attempts, previous.locked_until, previous.lock_count, previous.last_locked_at, this.now(),
        scope, key,
      ]
    )
  }

  /**
   * The IPs that are blocked now and that `identifier` was tried from in the
   * last 24 h (at most 20, latest block end first): the blocks that stand
   * between this customer and a login.
   */
  @InjectManager()
  async listBlockedIpsFor(
    identifier: string,
    @MedusaContext() sharedContext: Context<Manager> = {}
  ): Promise<BlockedIp[]> {
    const now = this.now()
    const rows: { key: string; locked_until: Date | string }[] = await sharedContext.manager!.execute(
      `select t.key, t.locked_until from login_throttle t
       where t.scope = 'ip' and t.deleted_at is null and t.locked_until > ?
         and t.key in (
           select a.ip from login_attempt a
           where a.identifier = ? and a.attempted_at > ? and a.ip is not null and a.deleted_at is null
         )
       order by t.locked_until desc, t.key
       limit 20`,
      [now, identifier, new Date(now.getTime() - DAY_MS)]
    )
    return rows.map((row) => ({ ip: row.key, blocked_until: new Date(row.locked_until) }))
  }

  /**
   * The IP as the attempt log spells it when `identifier` was tried from it
   * in the last 24 h (the window of {@link listBlockedIpsFor}), else null.
   * Compared without regard to case: IPv6 may come in either.
   */
  @InjectManager()
  async findRecentAttemptIp(
    identifier: string,
    ip: string,
    @MedusaContext() sharedContext: Context<Manager> = {}
  ): Promise<string | null> {
    const since = new Date(this.now().getTime() - DAY_MS)
    const [row]: { ip: string }[] = await sharedContext.manager!.execute(
      `select ip from login_attempt
       where identifier = ? and attempted_at > ? and lower(ip) = lower(?) and deleted_at is null
       order by attempted_at desc limit 1`,
      [identifier, since, ip]
    )
    return row?.ip ?? null
  }

  async getLockoutState(identifier: string): Promise<LockoutState> {
    const now = this.now()
    const [row] = await this.listLoginThrottles({ scope: "identifier", key: identifier })
    const maxAttempts = this.limitsFor(row?.owner_kind === "user" ? "user" : "customer").maxAttempts
    const lockedUntil = row?.locked_until ? new Date(row.locked_until) : null
    const locked = !!lockedUntil && lockedUntil > now
    const recentLock =
      !!row?.locked_until && new Date(row.locked_until).getTime() > now.getTime() - DAY_MS
    return {
      locked,
      locked_until: locked ? lockedUntil : null,
      // Admissions beyond the limit are refused, never checked.
      failed_attempts: row ? Math.min(Number(row.attempts), maxAttempts) : 0,
      lock_count_24h: recentLock ? Number(row!.lock_count) : 0,
      last_failed_at: row?.last_failed_at ? new Date(row.last_failed_at) : null,
    }
  }

  /**
   * Appends one entry to the attempt log. A plain insert rather than the ORM:
   * under attack this runs for every refused attempt.
   */
  @InjectManager()
  async logLoginAttempt(
    input: LoginAttemptInput,
    @MedusaContext() sharedContext: Context<Manager> = {}
  ): Promise<void> {
    await this.run(sharedContext.manager!, INSERT_LOGIN_ATTEMPT, loginAttemptBindings(input))
  }

  /** Hard-deletes attempt-log entries older than `lockout.retentionDays`. */
  @InjectManager()
  async pruneLoginAttempts(
    @MedusaContext() sharedContext: Context<Manager> = {}
  ): Promise<number> {
    const cutoff = new Date(
      this.now().getTime() - this.options_.lockout.retentionDays * DAY_MS
    )
    const rows = await sharedContext.manager!.execute(
      `delete from login_attempt where attempted_at < ? returning id`,
      [cutoff]
    )
    return rows.length
  }

  protected secondsUntil(until: Date | string, now: Date): number {
    return Math.max(1, Math.ceil((new Date(until).getTime() - now.getTime()) / 1000))
  }
}

export default AccountSecurityModuleService
