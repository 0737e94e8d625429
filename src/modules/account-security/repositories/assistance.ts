import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

export type ConsentRow = { id: string; customer_id: string; granted_at: Date; expires_at: Date | null }

export type CodeRow = {
  id: string
  customer_id: string
  auth_identity_id: string
  user_id: string
  user_session_id: string | null
  reason: string
  expires_at: Date
}

export type AssistedSessionRow = {
  id: string
  auth_identity_id: string
  customer_id: string | null
  assisted_by: string
  assistance_reason: string | null
  started_at: Date
  ends_at: Date
}

/**
 * Assisted shopping's statements (consent, codes, the running assisted
 * sessions): the writes that must be one statement (a code is redeemed by
 * one request only; consent is one row per customer). Registered by Medusa
 * as `assistanceRepository`.
 */
export class AssistanceRepository {
  protected readonly pg: Knex

  constructor(cradle: Record<string, unknown>) {
    this.pg = cradle[ContainerRegistrationKeys.PG_CONNECTION] as Knex
  }

  protected async run<T>(sql: string, bindings: Record<string, unknown>): Promise<T[]> {
    return (await this.pg.raw<{ rows: T[] }>(sql, bindings)).rows
  }

  async consentOf(customerId: string): Promise<ConsentRow | null> {
    const [row] = await this.run<ConsentRow>(
      `select id, customer_id, granted_at, expires_at from assistance_consent
       where customer_id = :customer_id and deleted_at is null`,
      { customer_id: customerId }
    )
    return row ?? null
  }

  /** Gives (or renews) consent; returns the row it replaced, for a compensation. */
  async grant(customerId: string, grantedAt: Date, expiresAt: Date | null): Promise<ConsentRow | null> {
    const previous = await this.consentOf(customerId)
    await this.run(
      `insert into assistance_consent as c (id, customer_id, granted_at, expires_at, created_at, updated_at)
       values (:id, :customer_id, :granted_at, :expires_at, :granted_at, :granted_at)
       on conflict (customer_id) where deleted_at is null do update set
         granted_at = excluded.granted_at, expires_at = excluded.expires_at, updated_at = excluded.updated_at`,
      { id: generateEntityId(undefined, "ascon"), customer_id: customerId, granted_at: grantedAt, expires_at: expiresAt }
    )
    return previous
  }

  /** Takes consent back; returns the row it removed. */
  async withdraw(customerId: string): Promise<ConsentRow | null> {
    const [row] = await this.run<ConsentRow>(
      `delete from assistance_consent where customer_id = :customer_id and deleted_at is null
       returning id, customer_id, granted_at, expires_at`,
      { customer_id: customerId }
    )
    return row ?? null
  }

  /** Puts a consent row back as it was (compensation); none: removes the customer's. */
  async restore(customerId: string, previous: ConsentRow | null): Promise<void> {
    await this.withdraw(customerId)
    if (previous) {
      await this.grant(customerId, new Date(previous.granted_at), previous.expires_at ? new Date(previous.expires_at) : null)
    }
  }

  async insertCode(code: CodeRow & { code_hash: string; now: Date }): Promise<void> {
    await this.run(
      `insert into assistance_code (id, code_hash, customer_id, auth_identity_id, user_id, user_session_id, reason,
                                    expires_at, created_at, updated_at)
       values (:id, :code_hash, :customer_id, :auth_identity_id, :user_id, :user_session_id, :reason,
               :expires_at, :now, :now)`,
      code
    )
  }

  async deleteCode(id: string): Promise<void> {
    await this.run(`delete from assistance_code where id = :id`, { id })
  }

  /**
   * Spends a code: the one request whose statement marks it used gets its
   * row; a used, late or unknown code gets null. One statement.
   */
  async redeem(codeHash: string, now: Date): Promise<CodeRow | null> {
    const [row] = await this.run<CodeRow>(
      `update assistance_code set used_at = :now, updated_at = :now
       where code_hash = :code_hash and used_at is null and expires_at > :now and deleted_at is null
       returning id, customer_id, auth_identity_id, user_id, user_session_id, reason, expires_at`,
      { code_hash: codeHash, now }
    )
    return row ?? null
  }

  async attachSession(codeId: string, sessionId: string): Promise<void> {
    await this.run(`update assistance_code set session_id = :session_id where id = :id`, { id: codeId, session_id: sessionId })
  }

  /** Assisted sessions still running (of one identity, or all), newest first. */
  async running(now: Date, authIdentityId: string | null): Promise<AssistedSessionRow[]> {
    return this.run<AssistedSessionRow>(
      `select s.id, s.auth_identity_id, c.customer_id, s.assisted_by, s.assistance_reason, s.started_at, s.ends_at
       from account_session s
       left join assistance_code c on c.session_id = s.id and c.deleted_at is null
       where s.assisted_by is not null and s.revoked_at is null and s.deleted_at is null and s.ends_at > :now
         and (cast(:auth_identity_id as text) is null or s.auth_identity_id = :auth_identity_id)
       order by s.started_at desc
       limit 200`,
      { now, auth_identity_id: authIdentityId }
    )
  }

  /**
   * Assisted sessions past their end that nothing ended: marks them ended
   * (`revoked_reason` "assistance_expired") and returns them, so each is
   * reported once, whichever instance's job runs.
   */
  async closeExpired(now: Date): Promise<AssistedSessionRow[]> {
    return this.run<AssistedSessionRow>(
      `with closed as (
         update account_session set revoked_at = ends_at, revoked_reason = 'assistance_expired', revoked_by = 'system',
                updated_at = :now
         where assisted_by is not null and revoked_at is null and deleted_at is null and ends_at <= :now
         returning id, auth_identity_id, assisted_by, assistance_reason, started_at, ends_at)
       select closed.*, c.customer_id from closed
       left join assistance_code c on c.session_id = closed.id and c.deleted_at is null`,
      { now }
    )
  }

  /** Erasure: a customer's consent and codes. */
  async forgetCustomer(customerId: string): Promise<number> {
    const consent = await this.pg("assistance_consent").where("customer_id", customerId).delete()
    const codes = await this.pg("assistance_code").where("customer_id", customerId).delete()
    return consent + codes
  }
}
