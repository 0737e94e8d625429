import type { AccountSecurityOptions } from "../../../lib/options"
import {
  BreachedPasswordScreen,
  breachCheckUnavailableError,
  breachedPasswordError,
  describePasswordPolicy,
  isAllowListed,
  isPasswordReused,
  reusedPasswordError,
  validatePassword,
  type PasswordContext,
  type PasswordDigest,
  type PasswordPolicySummary,
  type PasswordValidationError,
  type PasswordValidationResult,
  type SharedRangeCache,
} from "../../../lib/password-policy"
import { ACCOUNT_SECURITY_OPTIONS } from "../loaders/options"
import type { PasswordReuseRepository } from "../repositories/password-reuse"

/** A registration of the module's container, or undefined (awilix throws for unknown names). */
function optional<T>(cradle: Record<string, unknown>, name: string): T | undefined {
  try {
    return cradle[name] as T
  } catch {
    return undefined
  }
}

function withErrors(
  result: PasswordValidationResult,
  found: (PasswordValidationError | null)[]
): PasswordValidationResult {
  const errors = found.filter((error): error is PasswordValidationError => error !== null)
  return errors.length ? { ...result, valid: false, errors: [...result.errors, ...errors] } : result
}

/**
 * The password policy (pure rules in lib/password-policy) and the password
 * history it checks new passwords against. An internal service of the
 * module (`passwordRulesService`).
 */
export class PasswordRulesService {
  protected readonly history: PasswordReuseRepository
  protected readonly options: Pick<AccountSecurityOptions, "passwordPolicy" | "storeName">
  /** Null while `passwordPolicy.breachedPasswords.enabled` is false. */
  readonly breaches: BreachedPasswordScreen | null

  constructor(cradle: Record<string, unknown>) {
    this.history = cradle.passwordReuseRepository as PasswordReuseRepository
    this.options = cradle[ACCOUNT_SECURITY_OPTIONS] as AccountSecurityOptions
    const breached = this.options.passwordPolicy.breachedPasswords
    const logger = optional<{ warn(message: string): void }>(cradle, "logger")
    this.breaches = breached.enabled
      ? new BreachedPasswordScreen(breached, { warn: (message) => logger?.warn(message) })
      : null
  }

  describe(): PasswordPolicySummary {
    return describePasswordPolicy(this.options.passwordPolicy)
  }

  /** The policy's synchronous rules (no history). */
  check(password: string, context: PasswordContext): PasswordValidationResult {
    return validatePassword(
      password,
      { ...context, store_name: this.options.storeName ?? context.store_name },
      this.options.passwordPolicy
    )
  }

  /**
   * The full policy for a password that will be stored for an existing auth
   * identity: the rules, then (only when they pass) reuse of the last
   * `historySize` passwords, which costs one scrypt verification per entry.
   */
  async checkNew(
    password: string,
    context: PasswordContext,
    authIdentityId: string | null,
    shared?: SharedRangeCache
  ): Promise<PasswordValidationResult> {
    const result = this.check(password, context)
    if (!result.valid || isAllowListed(password, this.options.passwordPolicy)) {
      return result
    }
    // Both cost time (scrypt per history entry, a round trip): run them side by side.
    const errors = await Promise.all([this.reuse(password, authIdentityId), this.screen(password, shared)])
    return withErrors(result, errors)
  }

  /**
   * What the strength meter shows: the rules and, when they pass, the breach
   * screen (no history: the meter has no account and runs per keystroke).
   */
  async checkStrength(password: string, context: PasswordContext, shared?: SharedRangeCache): Promise<PasswordValidationResult> {
    const result = this.check(password, context)
    if (!result.valid || isAllowListed(password, this.options.passwordPolicy)) {
      return result
    }
    return withErrors(result, [await this.screen(password, shared)])
  }

  /**
   * Whether a password that is not being set (a login's, with
   * `checkOnLogin`; given as its digest) is known from a data breach: true,
   * false, or null when screening is off or the service did not answer.
   */
  async isBreached(digest: PasswordDigest, shared?: SharedRangeCache): Promise<boolean | null> {
    const verdict = await this.breaches?.checkDigest(digest, shared)
    return !verdict || verdict.status === "unavailable" ? null : verdict.status === "breached"
  }

  /** The breach screen's error for a password about to be set, if any. */
  protected async screen(password: string, shared?: SharedRangeCache): Promise<PasswordValidationError | null> {
    const verdict = await this.breaches?.check(password, shared)
    if (verdict?.status === "breached") {
      return breachedPasswordError()
    }
    if (verdict?.status === "unavailable" && this.breaches?.options.onUnavailable === "refuse") {
      return breachCheckUnavailableError()
    }
    return null
  }

  protected async reuse(password: string, authIdentityId: string | null): Promise<PasswordValidationError | null> {
    const { historySize } = this.options.passwordPolicy
    if (!historySize || !authIdentityId) {
      return null
    }
    const hashes = await this.history.recentHashes(authIdentityId, historySize)
    return (await isPasswordReused(password, hashes)) ? reusedPasswordError(historySize) : null
  }

  /**
   * Records the hash the auth provider just stored and forgets entries beyond
   * the history size. Does nothing while history is off (returns null).
   */
  async remember(authIdentityId: string, hash: string): Promise<string | null> {
    const { historySize } = this.options.passwordPolicy
    return historySize ? this.history.remember(authIdentityId, hash, historySize) : null
  }

  /** Removes history entries (a workflow's compensation). */
  async forget(entryIds: string[]): Promise<void> {
    await this.history.delete(entryIds)
  }
}
