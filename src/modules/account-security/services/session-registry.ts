import { createHash } from "node:crypto"
import { projectClock } from "../../../lib/clock"
import type { AccountSecurityOptions } from "../../../lib/options"
import { ACCOUNT_SECURITY_OPTIONS } from "../loaders/options"
import type {
  RevocationResult,
  SessionRegistryRepository,
  SessionRow,
} from "../repositories/session-registry"

/** `last_seen_at` is written at most this often per session. */
export const LAST_SEEN_EVERY_SECONDS = 60

/** What the registry needs of a verified session token (Medusa's JWT payload). */
export type SessionTokenClaims = {
  auth_identity_id: string
  actor_type: string
  /** Seconds since the epoch (jsonwebtoken's `iat`, `exp`). */
  iat?: number
  exp?: number
}

/** How a request's session stands: usable (and which one), or ended. */
export type SessionVerdict =
  | { valid: true; session_id: string; /** The Back Office user of an assisted session. */ assisted_by: string | null }
  | { valid: false }

export type SessionStart = {
  claims: SessionTokenClaims
  token_hash: string
  method: string
  ip: string | null
  user_agent: string | null
  /** An assisted session: who, why, and its end (at most the absolute lifetime). */
  assistance?: { user_id: string; reason: string; ends_at: Date }
}

/** The SHA-256 of a token, as the registry knows it (never the token itself). */
export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex")

const fromSeconds = (seconds: number | undefined): Date | null =>
  typeof seconds === "number" && Number.isFinite(seconds) ? new Date(seconds * 1000) : null

/**
 * The session registry's rules: a session is usable while it is neither
 * revoked nor past its absolute end; a token the registry does not know is
 * usable only if it was issued after the identity's cut-off, and is then
 * adopted (known from then on). An internal service of the account-security
 * module (`sessionRegistryService`).
 */
export class SessionRegistryService {
  protected readonly repository: SessionRegistryRepository
  protected readonly options: Pick<AccountSecurityOptions, "sessions">
  protected readonly clock = projectClock

  constructor(cradle: Record<string, unknown>) {
    this.repository = cradle.sessionRegistryRepository as SessionRegistryRepository
    this.options = cradle[ACCOUNT_SECURITY_OPTIONS] as AccountSecurityOptions
  }

  get enabled(): boolean {
    return this.options.sessions.enabled
  }

  /** The absolute end of a session that began at `startedAt`. */
  endsAt(startedAt: Date): Date {
    return new Date(startedAt.getTime() + this.options.sessions.absoluteLifetime * 1000)
  }

  /**
   * Decides whether a request's session may be used: by its token's hash
   * (bearer) or its registry id (cookie session). One statement; an unknown
   * token issued after the cut-off is adopted, and `last_seen_at` is
   * written at most once a minute (after the verdict, never delaying it).
   */
  async check(
    claims: SessionTokenClaims,
    ref: { token_hash: string | null; session_id: string | null },
    seen: { ip: string | null; user_agent: string | null }
  ): Promise<SessionVerdict> {
    const now = this.clock.now()
    const row = await this.repository.check({ ...ref, auth_identity_id: claims.auth_identity_id })
    if (row.session_id) {
      const usable =
        row.session_identity_id === claims.auth_identity_id &&
        !row.revoked_at &&
        row.ends_at !== null &&
        new Date(row.ends_at) > now
      if (!usable) {
        return { valid: false }
      }
      if (row.last_seen_at && now.getTime() - new Date(row.last_seen_at).getTime() >= LAST_SEEN_EVERY_SECONDS * 1000) {
        void this.repository.touch(row.session_id, now, LAST_SEEN_EVERY_SECONDS).catch(() => undefined)
      }
      return { valid: true, session_id: row.session_id, assisted_by: row.assisted_by ?? null }
    }
    if (ref.session_id && !ref.token_hash) {
      // A cookie session naming a session the registry no longer has (erased).
      return { valid: false }
    }
    const issuedAt = fromSeconds(claims.iat)
    if (!issuedAt || (row.not_before && issuedAt < new Date(row.not_before))) {
      return { valid: false }
    }
    if (this.endsAt(issuedAt) <= now) {
      return { valid: false }
    }
    if (!ref.token_hash) {
      return { valid: false }
    }
    const sessionId = await this.repository.begin({
      auth_identity_id: claims.auth_identity_id,
      actor_type: claims.actor_type,
      method: "adopted",
      ip: seen.ip,
      user_agent: seen.user_agent,
      started_at: issuedAt,
      ends_at: this.endsAt(issuedAt),
      token_hash: ref.token_hash,
      expires_at: fromSeconds(claims.exp),
      now,
    })
    return { valid: true, session_id: sessionId, assisted_by: null }
  }

  /** Records a session that begins with `start.token_hash`. Returns its id. */
  async begin(start: SessionStart): Promise<string> {
    const now = this.clock.now()
    const absoluteEnd = this.endsAt(now)
    const assistance = start.assistance
    return this.repository.begin({
      auth_identity_id: start.claims.auth_identity_id,
      actor_type: start.claims.actor_type,
      method: start.method,
      ip: start.ip,
      user_agent: start.user_agent,
      started_at: now,
      ends_at: assistance && assistance.ends_at < absoluteEnd ? assistance.ends_at : absoluteEnd,
      token_hash: start.token_hash,
      expires_at: fromSeconds(start.claims.exp),
      now,
      assisted_by: assistance?.user_id ?? null,
      assistance_reason: assistance?.reason ?? null,
    })
  }

  /** Adds a token to a session: a refresh, or a second factor completed (`method: "mfa"`). */
  async extend(
    sessionId: string,
    token: { claims: SessionTokenClaims; token_hash: string },
    how: { refresh: boolean; method?: string }
  ): Promise<void> {
    await this.repository.extend({
      session_id: sessionId,
      token_hash: token.token_hash,
      expires_at: fromSeconds(token.claims.exp),
      refresh: how.refresh,
      method: how.method ?? null,
      now: this.clock.now(),
    })
  }

  async markCookie(sessionId: string): Promise<void> {
    await this.repository.markCookie(sessionId, this.clock.now())
  }

  /**
   * Ends an identity's sessions (all, `only` some, all but `except`) and,
   * unless only some end, moves its cut-off so that tokens the registry does
   * not know end too. One statement.
   */
  async revoke(input: {
    auth_identity_id: string
    reason: string
    by: string
    only?: string[] | null
    except?: string[]
  }): Promise<RevocationResult> {
    const only = input.only ?? null
    return this.repository.revoke({
      auth_identity_id: input.auth_identity_id,
      only,
      except: input.except ?? [],
      reason: input.reason,
      by: input.by,
      now: this.clock.now(),
      cutoff: only === null,
    })
  }

  /** Takes a revocation back (compensation). */
  async restore(authIdentityId: string, result: RevocationResult): Promise<void> {
    await this.repository.restore(authIdentityId, result, this.clock.now())
  }

  async listActive(authIdentityId: string): Promise<SessionRow[]> {
    return this.repository.listActive(authIdentityId, this.clock.now())
  }

  async findOfIdentity(sessionId: string, authIdentityId: string): Promise<SessionRow | null> {
    return this.repository.findOfIdentity(sessionId, authIdentityId)
  }

  /** Erasure: forgets the identities' sessions; every token of theirs is refused from now on. */
  async forget(authIdentityIds: string[]): Promise<number> {
    return this.repository.forget(authIdentityIds, this.clock.now())
  }

  /** Deletes sessions that ended more than `olderThanDays` ago. */
  async prune(olderThanDays: number): Promise<number> {
    return this.repository.prune(new Date(this.clock.now().getTime() - olderThanDays * 86_400_000))
  }
}
