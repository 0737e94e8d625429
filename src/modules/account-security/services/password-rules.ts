import type { AccountSecurityOptions } from "../../../lib/options"
import {
  describePasswordPolicy,
  isPasswordReused,
  reusedPasswordError,
  validatePassword,
  type PasswordContext,
  type PasswordPolicySummary,
  type PasswordValidationResult,
} from "../../../lib/password-policy"
import { ACCOUNT_SECURITY_OPTIONS } from "../loaders/options"
import type { PasswordReuseRepository } from "../repositories/password-reuse"

/**
 * The password policy (pure rules in lib/password-policy) and the password
 * history it checks new passwords against. An internal service of the
 * module (`passwordRulesService`).
 */
export class PasswordRulesService {
  protected readonly history: PasswordReuseRepository
  protected readonly options: Pick<AccountSecurityOptions, "passwordPolicy" | "storeName">

  constructor(cradle: Record<string, unknown>) {
    this.history = cradle.passwordReuseRepository as PasswordReuseRepository
    this.options = cradle[ACCOUNT_SECURITY_OPTIONS] as AccountSecurityOptions
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
  async checkNew(password: string, context: PasswordContext, authIdentityId: string | null): Promise<PasswordValidationResult> {
    const result = this.check(password, context)
    const { historySize } = this.options.passwordPolicy
    if (!result.valid || !historySize || !authIdentityId) {
      return result
    }
    const hashes = await this.history.recentHashes(authIdentityId, historySize)
    if (await isPasswordReused(password, hashes)) {
      return { ...result, valid: false, errors: [...result.errors, reusedPasswordError(historySize)] }
    }
    return result
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
