import { MedusaService } from "@medusajs/framework/utils"
import { projectClock, setProjectClock, type Clock } from "../../lib/clock"
import type { AccountSecurityOptions } from "../../lib/options"
import { ACCOUNT_SECURITY_OPTIONS } from "./loaders/options"
import AccountSession from "./models/account-session"
import AccountSessionCutoff from "./models/account-session-cutoff"
import AccountSessionToken from "./models/account-session-token"
import AssistanceCode from "./models/assistance-code"
import AssistanceConsent from "./models/assistance-consent"
import LoginAttempt from "./models/login-attempt"
import LoginThrottle from "./models/login-throttle"
import PasswordExposure from "./models/password-exposure"
import PasswordHistory from "./models/password-history"
import SecurityCounter from "./models/security-counter"
import type { IdentityClaimRepository } from "./repositories/identity-claim"
import type { AssistanceService } from "./services/assistance"
import type { PersonalDataRepository } from "./repositories/personal-data"
import type { LockoutService } from "./services/lockout"
import type { PasswordRulesService } from "./services/password-rules"
import type { QuotaService } from "./services/quota"
import type { SessionRegistryService } from "./services/session-registry"

export * from "./types"

/**
 * Account security, one concern per service, all on the plugin's options
 * slice parsed at boot (loaders/options.ts):
 * - `lockout`: the failed-login lockout (admit, settle, unlock, attempt log);
 * - `passwords`: the password policy and the password history;
 * - `quotas`: fixed-window rate limits (reset requests);
 * - `sessions`: the session registry (which sessions exist, which ended).
 * Medusa registers them (services/) and their SQL (repositories/) in the
 * module's container, as for its own modules. The generated methods of the
 * models (`listLoginAttempts`, …) serve the admin views.
 */
class AccountSecurityModuleService extends MedusaService({
  AccountSession,
  AccountSessionCutoff,
  AccountSessionToken,
  AssistanceCode,
  AssistanceConsent,
  LoginAttempt,
  LoginThrottle,
  PasswordExposure,
  PasswordHistory,
  SecurityCounter,
}) {
  protected readonly options_: AccountSecurityOptions
  readonly lockout: LockoutService
  readonly passwords: PasswordRulesService
  readonly quotas: QuotaService
  readonly sessions: SessionRegistryService
  /** Assisted shopping: consent, one-time codes, running assisted sessions. */
  readonly assistance: AssistanceService
  /** What the module holds about a person, for exports and erasure (GDPR). */
  readonly personalData: PersonalDataRepository
  /** One identity per address: canonical-form claims of emailpass identities (issue 21). */
  readonly identities: IdentityClaimRepository

  constructor(cradle: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = cradle[ACCOUNT_SECURITY_OPTIONS] as AccountSecurityOptions
    this.lockout = cradle.lockoutService as LockoutService
    this.passwords = cradle.passwordRulesService as PasswordRulesService
    this.quotas = cradle.quotaService as QuotaService
    this.sessions = cradle.sessionRegistryService as SessionRegistryService
    this.assistance = cradle.assistanceService as AssistanceService
    this.personalData = cradle.personalDataRepository as PersonalDataRepository
    this.identities = cradle.identityClaimRepository as IdentityClaimRepository
  }

  getOptions(): AccountSecurityOptions {
    return this.options_
  }

  /** Replaces the project's clock (lib/clock); tests move time with it instead of sleeping. */
  setClock(clock: Clock): void {
    setProjectClock(clock)
  }

  now(): Date {
    return projectClock.now()
  }
}

export default AccountSecurityModuleService
