import { projectClock } from "../../../lib/clock"
import type { AccountSecurityOptions, LockoutLimits } from "../../../lib/options"
import { ACCOUNT_SECURITY_OPTIONS } from "../loaders/options"
import { canonicalEmail } from "../../../lib/identity"
import type { IdentityClaimRepository } from "../repositories/identity-claim"
import type { LockoutRepository, ThrottleRow } from "../repositories/lockout"
import type {
  AccountKind,
  BlockedIp,
  LockoutState,
  LoginAdmission,
  LoginAttemptInput,
  LoginFailureResult,
  LoginThrottleSnapshot,
  ThrottleScope,
} from "../types"

const DAY_MS = 24 * 60 * 60 * 1000

/** A limit no count reaches: a lockout block that is switched off. */
const UNLIMITED = 1_000_000_000

/** Medusa's auth identity ids: no canonical (lower-cased) e-mail looks like one. */
const IDENTITY_KEY = /^authid_[0-9A-Z]+$/

const toDate = (value: Date | string | null | undefined): Date | null => (value ? new Date(value) : null)

/**
 * The failed-login lockout's rules: which limits apply, and what the atomic
 * statements of the LockoutRepository mean for an attempt. The identifier
 * row is the emailpass identity's (one password, whatever actor type a
 * route names); its limits are its owner's block. An IP's limits are the
 * block of the route the attempt came through. An internal service of the
 * module (Medusa registers it from this folder as `lockoutService`).
 */
export class LockoutService {
  protected readonly repository: LockoutRepository
  protected readonly identities: IdentityClaimRepository
  protected readonly options: Pick<AccountSecurityOptions, "lockout" | "userLockout">
  protected readonly clock = projectClock

  constructor(cradle: Record<string, unknown>) {
    this.repository = cradle.lockoutRepository as LockoutRepository
    this.identities = cradle.identityClaimRepository as IdentityClaimRepository
    this.options = cradle[ACCOUNT_SECURITY_OPTIONS] as AccountSecurityOptions
  }

  /**
   * The row key of an identifier as the admin-side reads name it: an
   * identity's key (an auth identity id) as is; an e-mail resolved as the
   * guard resolves an attempt's (`lockoutSubjectOf`): the identity it names
   * exactly, else the holder of its canonical form, else the canonical
   * string. Never used on the login path (the guard passes the key), where
   * an extra read for unknown e-mails only would be a timing oracle.
   */
  async keyOf(identifier: string): Promise<string> {
    if (IDENTITY_KEY.test(identifier)) {
      return identifier
    }
    return (await this.identities.identityIdOf(identifier, canonicalEmail(identifier))) ?? canonicalEmail(identifier)
  }

  /**
   * The limits of one block. A switched-off Back Office block never locks an
   * identity, but still blocks IPs (its `ipMaxAttempts`).
   */
  limitsFor(kind: AccountKind): LockoutLimits {
    if (kind === "user") {
      const { enabled, ...limits } = this.options.userLockout
      return enabled ? limits : { ...limits, maxAttempts: UNLIMITED }
    }
    return this.options.lockout
  }

  /**
   * Whose block limits an identity, from the accounts it has (null: it has
   * none, or it is not known): a Back Office user's when it has a user and
   * that block is on; else a customer's when it has a customer. So a
   * customer's budget holds whatever route names the identity and whatever
   * the Back Office block's options say (an identity that is both a customer
   * and a user, with `userLockout.enabled: false`, is limited as a customer).
   */
  ownerOf(accounts: { customer_id: string | null; user_id: string | null } | null): AccountKind | null {
    if (accounts?.user_id && this.options.userLockout.enabled) {
      return "user"
    }
    if (accounts?.customer_id) {
      return "customer"
    }
    return accounts?.user_id ? "user" : null
  }

  protected ownerLimits(route: AccountKind, owner: AccountKind | null = null) {
    return {
      route,
      owner,
      user_max: this.limitsFor("user").maxAttempts,
      customer_max: this.limitsFor("customer").maxAttempts,
    }
  }

  /**
   * Decides, before any password is checked, whether an attempt may proceed.
   * Counts the attempt for the identifier and for the IP in one statement, so
   * of N parallel attempts exactly `maxAttempts - failures so far` are
   * admitted for one identifier, and `ipMaxAttempts - failures so far` for
   * one IP whatever identifiers it tries. An admitted attempt holds its place
   * in both counts until its verdict: a failure keeps it, a success or an
   * abort gives it back. Unknown identifiers are counted exactly like real
   * ones.
   */
  async admit(
    identifier: string,
    ip: string | null,
    route: AccountKind = "customer",
    owner: AccountKind | null = null
  ): Promise<LoginAdmission> {
    const now = this.clock.now()
    const windowStart = (kind: AccountKind) => new Date(now.getTime() - this.limitsFor(kind).windowSeconds * 1000)
    const routeLimits = this.limitsFor(route)
    const row = await this.repository.admit({
      ...this.ownerLimits(route, owner),
      identifier,
      ip,
      now,
      user_window_start: windowStart("user"),
      customer_window_start: windowStart("customer"),
      ip_window_start: windowStart(route),
      ip_cap: routeLimits.ipMaxAttempts + 1,
    })
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
    // Locked by a concurrent failure since the IP's lock was read, or full.
    const ipLockedUntil =
      row.ip_counted_locked_until && new Date(row.ip_counted_locked_until) > now
        ? new Date(row.ip_counted_locked_until)
        : null
    if (row.ip_attempts !== null && (ipLockedUntil || Number(row.ip_attempts) > routeLimits.ipMaxAttempts)) {
      // The IP refuses an attempt the identifier had counted: give that back.
      await this.release(identifier, null, route, owner)
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
   * `lockSeconds` once its count reaches `ipMaxAttempts`. Both counts
   * already hold this attempt since its admission. Remembers the owner's
   * kind, so the next admissions count under its limits.
   */
  async recordFailure(
    identifier: string,
    ip: string | null,
    { owner = "customer", route = owner }: { owner?: AccountKind; route?: AccountKind } = {}
  ): Promise<LoginFailureResult> {
    const { maxAttempts, lockSeconds, maxLockSeconds } = this.limitsFor(owner)
    const routeLimits = this.limitsFor(route)
    const now = this.clock.now()
    const row = await this.repository.recordIdentifierFailure({
      identifier,
      owner,
      now,
      day_ago: new Date(now.getTime() - DAY_MS),
      max_attempts: maxAttempts,
      lock_seconds: lockSeconds,
      max_lock_seconds: maxLockSeconds,
    })
    if (ip) {
      await this.repository.recordIpFailure({
        ip,
        now,
        max_attempts: routeLimits.ipMaxAttempts,
        lock_seconds: routeLimits.lockSeconds,
      })
    }
    if (!row) {
      return { locked: false, locked_until: null, lock_count: 0 }
    }
    const lockedUntil = toDate(row.locked_until)
    const previous = toDate(row.prev_locked_until)
    const locked = !!lockedUntil && lockedUntil > now && (!previous || previous <= now)
    return { locked, locked_until: lockedUntil, lock_count: Number(row.lock_count) }
  }

  /**
   * Gives back an admitted attempt that never reached a verdict (e.g. the
   * provider failed for another reason than the password), so it uses up
   * neither the account's nor the IP's budget.
   */
  async release(
    identifier: string,
    ip: string | null,
    route: AccountKind = "customer",
    owner: AccountKind | null = null
  ): Promise<void> {
    const now = this.clock.now()
    await this.repository.releaseIdentifier({ ...this.ownerLimits(route, owner), identifier, now })
    if (ip) {
      await this.repository.releaseIp({ ip, limit: this.limitsFor(route).ipMaxAttempts, now })
    }
  }

  /**
   * A successful login forgets the identifier's failures (not its lock
   * history), remembers its owner's kind and is logged; then its place in
   * the IP's count (which counts failures only) is given back.
   */
  async recordSuccess(
    attempt: Omit<LoginAttemptInput, "outcome">,
    {
      owner = "customer",
      route = owner,
      key = attempt.identifier,
    }: { owner?: AccountKind; route?: AccountKind; /** The lockout row (the identity's). */ key?: string } = {}
  ): Promise<void> {
    const now = this.clock.now()
    await this.repository.recordSuccess(attempt, owner, now, key)
    if (attempt.ip) {
      await this.repository.releaseIp({ ip: attempt.ip, limit: this.limitsFor(route).ipMaxAttempts, now })
    }
  }

  /**
   * Clears one row's count and lock (unlock, unblock, a completed reset).
   * Returns whether it was locked, and the row's state before, to put it
   * back (null when there was no row).
   */
  async clear(
    scope: ThrottleScope,
    key: string
  ): Promise<{ was_locked: boolean; previous: LoginThrottleSnapshot | null }> {
    const now = this.clock.now()
    const row = await this.repository.clear(scope, scope === "identifier" ? await this.keyOf(key) : key, now)
    if (!row) {
      return { was_locked: false, previous: null }
    }
    const previous = this.snapshotOf(row)
    return { was_locked: !!previous.locked_until && previous.locked_until > now, previous }
  }

  /** Puts back a row that {@link clear} cleared (workflow compensation). */
  async restore(scope: ThrottleScope, key: string, previous: LoginThrottleSnapshot): Promise<void> {
    await this.repository.restore(scope, scope === "identifier" ? await this.keyOf(key) : key, previous, this.clock.now())
  }

  /**
   * The IPs that are blocked now and that `identifier` was tried from in the
   * last 24 h (at most 20, latest block end first): the blocks that stand
   * between this account and a login.
   */
  async blockedIpsFor(identifier: string): Promise<BlockedIp[]> {
    const now = this.clock.now()
    const rows = await this.repository.blockedIpsFor(await this.keyOf(identifier), now, new Date(now.getTime() - DAY_MS))
    return rows.map((row) => ({ ip: row.key, blocked_until: new Date(row.locked_until) }))
  }

  /**
   * The IP as the attempt log spells it when `identifier` was tried from it
   * in the last 24 h (the window of {@link blockedIpsFor}), else null.
   */
  async recentAttemptIp(identifier: string, ip: string): Promise<string | null> {
    return this.repository.recentAttemptIp(await this.keyOf(identifier), ip, new Date(this.clock.now().getTime() - DAY_MS))
  }

  /** An identifier's lock and counters, as the admin sees them. */
  async stateOf(identifier: string): Promise<LockoutState> {
    const now = this.clock.now()
    const row = await this.repository.find("identifier", await this.keyOf(identifier))
    const maxAttempts = this.limitsFor(row?.owner_kind === "user" ? "user" : "customer").maxAttempts
    const lockedUntil = toDate(row?.locked_until)
    const locked = !!lockedUntil && lockedUntil > now
    const recentLock = !!lockedUntil && lockedUntil.getTime() > now.getTime() - DAY_MS
    return {
      locked,
      locked_until: locked ? lockedUntil : null,
      // Admissions beyond the limit are refused, never checked.
      failed_attempts: row ? Math.min(Number(row.attempts), maxAttempts) : 0,
      lock_count_24h: recentLock ? Number(row!.lock_count) : 0,
      last_failed_at: toDate(row?.last_failed_at),
    }
  }

  /**
   * Appends one entry to the attempt log. A plain insert rather than the ORM:
   * under attack this runs for every refused attempt.
   */
  async log(input: LoginAttemptInput): Promise<void> {
    await this.repository.insertAttempt(input)
  }

  /** Hard-deletes attempt-log entries older than `lockout.retentionDays`. */
  async pruneLog(retentionDays: number): Promise<number> {
    return this.repository.pruneAttempts(new Date(this.clock.now().getTime() - retentionDays * DAY_MS))
  }

  protected snapshotOf(row: ThrottleRow): LoginThrottleSnapshot {
    return {
      attempts: Number(row.attempts),
      locked_until: toDate(row.locked_until),
      lock_count: Number(row.lock_count),
      last_locked_at: toDate(row.last_locked_at),
    }
  }

  protected secondsUntil(until: Date | string, now: Date): number {
    return Math.max(1, Math.ceil((new Date(until).getTime() - now.getTime()) / 1000))
  }
}
