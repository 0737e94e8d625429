import { createHash, randomBytes } from "node:crypto"
import { projectClock } from "../../../lib/clock"
import { ASSISTANCE_CODE_TTL_SECONDS, type AccountSecurityOptions, type AssistanceOptions } from "../../../lib/options"
import { ACCOUNT_SECURITY_OPTIONS } from "../loaders/options"
import type { AssistanceRepository, AssistedSessionRow, CodeRow, ConsentRow } from "../repositories/assistance"

export type AssistanceConsentState = {
  /** Whether the shop asks for consent at all (`assistance.consent`). */
  required: boolean
  /** Whether the customer's consent holds now. */
  allowed: boolean
  granted_at: Date | null
  expires_at: Date | null
}

/** The SHA-256 of a code, as it is stored. */
export const assistanceCodeHash = (code: string) => createHash("sha256").update(code).digest("hex")

/**
 * A new one-time code and its hash. The caller keeps the code (it is
 * answered once) and hands only the hash on: nothing stores it readable.
 */
export function newAssistanceCode(): { code: string; code_hash: string } {
  const code = randomBytes(24).toString("base64url")
  return { code, code_hash: assistanceCodeHash(code) }
}

/**
 * Assisted shopping's rules (docs/assistance.md): consent, one-time codes
 * and the running assisted sessions. An internal service of the
 * account-security module (`assistanceService`); sessions themselves are the
 * registry's.
 */
export class AssistanceService {
  protected readonly repository: AssistanceRepository
  protected readonly options_: Pick<AccountSecurityOptions, "assistance">

  constructor(cradle: Record<string, unknown>) {
    this.repository = cradle.assistanceRepository as AssistanceRepository
    this.options_ = cradle[ACCOUNT_SECURITY_OPTIONS] as AccountSecurityOptions
  }

  get options(): AssistanceOptions {
    return this.options_.assistance
  }

  async consentOf(customerId: string): Promise<AssistanceConsentState> {
    const required = this.options.consent === "required"
    const row = await this.repository.consentOf(customerId)
    const now = projectClock.now()
    const holds = !!row && (!row.expires_at || new Date(row.expires_at) > now)
    return {
      required,
      allowed: holds,
      granted_at: holds ? new Date(row!.granted_at) : null,
      expires_at: holds && row!.expires_at ? new Date(row!.expires_at) : null,
    }
  }

  /** Whether staff may start a session for the customer now (consent, when the shop asks for it). */
  async mayAssist(customerId: string): Promise<boolean> {
    return this.options.consent === "not_required" || (await this.consentOf(customerId)).allowed
  }

  /** Gives consent, for `hours` or until taken back. Returns what it replaced (compensation). */
  async grant(customerId: string, hours: number | null): Promise<ConsentRow | null> {
    const now = projectClock.now()
    return this.repository.grant(customerId, now, hours ? new Date(now.getTime() + hours * 3_600_000) : null)
  }

  async withdraw(customerId: string): Promise<ConsentRow | null> {
    return this.repository.withdraw(customerId)
  }

  async restoreConsent(customerId: string, previous: ConsentRow | null): Promise<void> {
    await this.repository.restore(customerId, previous)
  }

  /** Stores a code (by its hash, see {@link newAssistanceCode}), valid for {@link ASSISTANCE_CODE_TTL_SECONDS}. */
  async issueCode(input: Omit<CodeRow, "id" | "expires_at"> & { code_hash: string }): Promise<{ id: string; expires_at: Date }> {
    const now = projectClock.now()
    const id = `ascode_${randomBytes(12).toString("hex")}`
    const expiresAt = new Date(now.getTime() + ASSISTANCE_CODE_TTL_SECONDS * 1000)
    await this.repository.insertCode({ ...input, id, expires_at: expiresAt, now })
    return { id, expires_at: expiresAt }
  }

  async deleteCode(id: string): Promise<void> {
    await this.repository.deleteCode(id)
  }

  /** Spends a code once; null for an unknown, used or late one. */
  async redeem(code: string): Promise<CodeRow | null> {
    return this.repository.redeem(assistanceCodeHash(code), projectClock.now())
  }

  async attachSession(codeId: string, sessionId: string): Promise<void> {
    await this.repository.attachSession(codeId, sessionId)
  }

  /** When an assisted session that starts now ends. */
  endsAt(): Date {
    return new Date(projectClock.now().getTime() + this.options.maxMinutes * 60_000)
  }

  async running(authIdentityId: string | null = null): Promise<AssistedSessionRow[]> {
    return this.repository.running(projectClock.now(), authIdentityId)
  }

  async closeExpired(): Promise<AssistedSessionRow[]> {
    return this.repository.closeExpired(projectClock.now())
  }

  async forgetCustomer(customerId: string): Promise<number> {
    return this.repository.forgetCustomer(customerId)
  }
}
