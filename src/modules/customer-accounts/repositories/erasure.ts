import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * How long a run may hold an erasure before another run may take it over
 * (a server that died mid-run never releases its claim). Erasing one person
 * takes seconds; a shop with thousands of orders to redact, minutes.
 */
export const ERASURE_CLAIM_TTL_MS = 15 * 60 * 1000

export type ErasureRecord = {
  id: string
  customer_id: string
  status: "requested" | "erasing" | "completed"
  requested_at: Date | null
  erasure_started_at: Date | null
  claimed_at: Date | null
  completed_at: Date | null
}

export type ErasureClaim =
  | { claimed: true; claimed_at: Date }
  | { claimed: false; record: ErasureRecord }

const COLUMNS = `id, customer_id, status, requested_at, erasure_started_at, claimed_at, completed_at`

/**
 * The state changes of a customer's erasure (`customer_privacy_request`),
 * each one atomic statement, so two requests or two admins racing cannot
 * both win. Registered by Medusa as `erasureRepository`.
 */
export class ErasureRepository {
  protected readonly pg: Knex

  constructor(cradle: Record<string, unknown>) {
    this.pg = cradle[ContainerRegistrationKeys.PG_CONNECTION] as Knex
  }

  /** The customer's record, or null. */
  async find(customerId: string): Promise<ErasureRecord | null> {
    const { rows } = await this.pg.raw<{ rows: ErasureRecord[] }>(
      `select ${COLUMNS} from customer_privacy_request where customer_id = :customerId and deleted_at is null`,
      { customerId }
    )
    return rows[0] ?? null
  }

  /**
   * Records the customer's request unless the customer has a record
   * already; returns the record and whether this call made it.
   */
  async request(customerId: string, now: Date): Promise<{ record: ErasureRecord; created: boolean }> {
    const { rows } = await this.pg.raw<{ rows: ErasureRecord[] }>(
      `insert into customer_privacy_request (id, customer_id, status, requested_at, created_at, updated_at)
       values (:id, :customerId, 'requested', :now, :now, :now)
       on conflict (customer_id) where deleted_at is null do nothing
       returning ${COLUMNS}`,
      { id: generateEntityId(undefined, "cpriv"), customerId, now }
    )
    if (rows[0]) {
      return { record: rows[0], created: true }
    }
    return { record: (await this.find(customerId)) as ErasureRecord, created: false }
  }

  /**
   * Takes back a request this call's workflow recorded (its compensation):
   * only while it is still a request, so an erasure an admin started since
   * stays.
   */
  async withdraw(id: string): Promise<void> {
    await this.pg.raw(`delete from customer_privacy_request where id = :id and status = 'requested'`, { id })
  }

  /**
   * Takes the erasure for one run: from no record, a request, an erasure
   * whose run failed (released) or one whose run holds it for longer than
   * ERASURE_CLAIM_TTL_MS. Refused (with the record) when it is completed or
   * another run holds it.
   */
  async claim(customerId: string, actorId: string | null, now: Date): Promise<ErasureClaim> {
    const { rows } = await this.pg.raw<{ rows: ErasureRecord[] }>(
      `insert into customer_privacy_request as r
         (id, customer_id, status, erasure_started_at, claimed_at, completed_by, created_at, updated_at)
       values (:id, :customerId, 'erasing', :now, :now, :actorId, :now, :now)
       on conflict (customer_id) where deleted_at is null do update set
         status = 'erasing',
         erasure_started_at = coalesce(r.erasure_started_at, excluded.erasure_started_at),
         claimed_at = excluded.claimed_at,
         completed_by = excluded.completed_by,
         updated_at = excluded.updated_at
       where r.status = 'requested'
          or (r.status = 'erasing' and (r.claimed_at is null or r.claimed_at <= :staleBefore))
       returning ${COLUMNS}`,
      {
        id: generateEntityId(undefined, "cpriv"),
        customerId,
        actorId,
        now,
        staleBefore: new Date(now.getTime() - ERASURE_CLAIM_TTL_MS),
      }
    )
    if (rows[0]) {
      return { claimed: true, claimed_at: new Date(rows[0].claimed_at as Date) }
    }
    return { claimed: false, record: (await this.find(customerId)) as ErasureRecord }
  }

  /**
   * Gives a failed run's claim back. The erasure stays `erasing`: the run
   * may have erased part of it, so it is neither active nor done; the next
   * run finishes it.
   */
  async release(customerId: string, claimedAt: Date): Promise<void> {
    await this.pg.raw(
      `update customer_privacy_request set claimed_at = null, updated_at = now()
       where customer_id = :customerId and deleted_at is null and status = 'erasing' and claimed_at = :claimedAt`,
      { customerId, claimedAt }
    )
  }

  /**
   * Marks the erasure done once everything is erased (by this run, or by a
   * run that took over a stale claim and finished first: the time of the
   * first stays). Returns when it was completed, and whether by this call.
   */
  async complete(customerId: string, now: Date): Promise<{ completed_at: Date; by_this_call: boolean }> {
    const { rows } = await this.pg.raw<{ rows: { completed_at: Date; by_this_call: boolean }[] }>(
      `update customer_privacy_request r
       set status = 'completed', completed_at = coalesce(r.completed_at, :now), claimed_at = null, updated_at = :now
       from (select id, status as before from customer_privacy_request
             where customer_id = :customerId and deleted_at is null for update) previous
       where r.id = previous.id and r.status in ('erasing', 'completed')
       returning r.completed_at, previous.before = 'erasing' as by_this_call`,
      { customerId, now }
    )
    if (!rows[0]) {
      throw new Error(`No erasure of customer ${customerId} to complete`)
    }
    return { completed_at: new Date(rows[0].completed_at), by_this_call: rows[0].by_this_call }
  }

  /**
   * Takes back a completion (what comes after it failed, e.g. the event):
   * `erasing` again, unclaimed, so the next run finishes it. Only the
   * completion made at `completedAt` (not one a later run made).
   */
  async reopen(customerId: string, completedAt: Date): Promise<void> {
    await this.pg.raw(
      `update customer_privacy_request set status = 'erasing', completed_at = null, updated_at = now()
       where customer_id = :customerId and deleted_at is null and status = 'completed' and completed_at = :completedAt`,
      { customerId, completedAt }
    )
  }
}
