import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import {
  authTablesPresent,
  claimHolderOf,
  deleteStaleClaims,
  emailpassLookalikes,
  identityIdOfAddress,
  isAddressTakenByAnother,
} from "../../../lib/medusa-tables"

/**
 * How long a claim may wait for Medusa to create its identity: a claim whose
 * registration died with its process is taken over after this.
 */
const PENDING_CLAIM_SECONDS = 300

/** Thrown inside a transaction to roll it back when the address is another identity's. */
const CLAIM_TAKEN = new Error("identity claim taken")

export type IdentityClaimRow = { canonical: string; entity_id: string; auth_identity_id: string | null }

export type LookalikeIdentity = {
  canonical: string
  auth_identity_id: string
  entity_id: string
  actor_types: string[]
  created_at: Date
}

/**
 * "One identity per address": claims of canonical forms (`identity_claim`,
 * unique per canonical form), checked against Medusa's `provider_identity`
 * always by `entity_id` (its index). The statements that read Medusa's
 * tables are in lib/medusa-tables (the plugin's one owner of SQL on tables
 * it does not own); this repository runs them, in its transaction where it
 * has one. Registered by Medusa as `identityClaimRepository`.
 */
export class IdentityClaimRepository {
  protected readonly pg: Knex

  constructor(cradle: Record<string, unknown>) {
    this.pg = cradle[ContainerRegistrationKeys.PG_CONNECTION] as Knex
  }

  /**
   * Whether an emailpass identity other than `entityId` holds `canonical`: a
   * live claim (of an identity that still exists, or a registration in
   * flight), or an identity stored under the canonical spelling itself
   * (identities made without passing the plugin, e.g. `medusa user`).
   */
  async isTakenByAnother(canonical: string, entityId: string): Promise<boolean> {
    return isAddressTakenByAnother(this.pg, { canonical, entity_id: entityId, pending_seconds: PENDING_CLAIM_SECONDS })
  }

  /**
   * The identity that holds `canonical` (a confirmed claim of an identity
   * that still exists), with its actors: whose lockout counts an attempt on
   * a spelling that names no identity exactly. One indexed read.
   */
  async holderOf(canonical: string): Promise<{ auth_identity_id: string; app_metadata: Record<string, unknown> } | null> {
    return claimHolderOf(this.pg, canonical)
  }

  /** Set once Medusa's auth tables were seen in this database (never unset). */
  protected authTables = false

  /**
   * Whether Medusa's auth module keeps its tables in this database: always in
   * an application, never when the module runs alone (its own test runner),
   * where no identity exists and every key is a canonical e-mail. Only a
   * positive answer is remembered: the tables may be migrated after start.
   */
  protected async authTablesPresent(): Promise<boolean> {
    if (!this.authTables) {
      this.authTables = await authTablesPresent(this.pg)
    }
    return this.authTables
  }

  /**
   * The lockout key of a login identifier given as an e-mail: the identity
   * whose `entity_id` it is exactly, else the holder of its canonical form,
   * else null (the canonical string is the key).
   */
  async identityIdOf(email: string, canonical: string): Promise<string | null> {
    if (!(await this.authTablesPresent())) {
      return null
    }
    return identityIdOfAddress(this.pg, email, canonical)
  }

  /**
   * Claims `canonical` for a registration of `entityId`, atomically: of
   * concurrent claims exactly one wins (the unique index). A stale claim
   * (its identity deleted or moved to another address, or a registration
   * that never finished) is given up first. Returns whether this one won.
   */
  async claim(canonical: string, entityId: string): Promise<boolean> {
    if (await this.isTakenByAnother(canonical, entityId)) {
      return false
    }
    return this.pg.transaction(async (trx) => {
      await deleteStaleClaims(trx, { canonical, pending_seconds: PENDING_CLAIM_SECONDS })
      const { rows } = await trx.raw<{ rows: { id: string }[] }>(
        `insert into identity_claim (id, canonical, entity_id, created_at, updated_at)
         values (:id, :canonical, :entity_id, now(), now())
         on conflict (canonical) where deleted_at is null do nothing
         returning id`,
        { id: generateEntityId(undefined, "idcl"), canonical, entity_id: entityId }
      )
      // Only the registration that inserted the claim goes on (even for the
      // same spelling: Medusa would fail the second one with a 500-ish error).
      return rows.length === 1
    })
  }

  /** Names the identity a claim was made for, once Medusa created it. */
  async confirm(canonical: string, entityId: string, authIdentityId: string): Promise<void> {
    await this.pg.raw(
      `update identity_claim set auth_identity_id = :auth_identity_id, updated_at = now()
       where canonical = :canonical and entity_id = :entity_id and deleted_at is null`,
      { canonical, entity_id: entityId, auth_identity_id: authIdentityId }
    )
  }

  /**
   * Moves an identity's claim to a new address (a completed e-mail change):
   * its claims go, the new canonical form is claimed for it, in one
   * transaction. A live claim of another identity on the new form (a
   * look-alike registered meanwhile) makes it refuse: nothing changes and
   * null is returned. Otherwise returns the claims it had, for an undo.
   */
  async move(authIdentityId: string, canonical: string, entityId: string): Promise<IdentityClaimRow[] | null> {
    return this.pg.transaction(async (trx) => {
      const { rows: previous } = await trx.raw<{ rows: IdentityClaimRow[] }>(
        `delete from identity_claim where auth_identity_id = :auth_identity_id and deleted_at is null
         returning canonical, entity_id, auth_identity_id`,
        { auth_identity_id: authIdentityId }
      )
      await deleteStaleClaims(trx, { canonical, pending_seconds: PENDING_CLAIM_SECONDS, before_move: true })
      const { rows } = await trx.raw<{ rows: { id: string }[] }>(
        `insert into identity_claim (id, canonical, entity_id, auth_identity_id, created_at, updated_at)
         values (:id, :canonical, :entity_id, :auth_identity_id, now(), now())
         on conflict (canonical) where deleted_at is null do nothing
         returning id`,
        { id: generateEntityId(undefined, "idcl"), canonical, entity_id: entityId, auth_identity_id: authIdentityId }
      )
      if (rows.length !== 1) {
        // Rolls the transaction back: the identity keeps its claims.
        throw CLAIM_TAKEN
      }
      return previous
    }).catch((error: unknown) => {
      if (error === CLAIM_TAKEN) {
        return null
      }
      throw error
    })
  }

  /** Undoes {@link move}: the identity holds exactly the claims it had. */
  async restore(authIdentityId: string, previous: IdentityClaimRow[]): Promise<void> {
    await this.pg.transaction(async (trx) => {
      await trx.raw(`delete from identity_claim where auth_identity_id = :auth_identity_id and deleted_at is null`, {
        auth_identity_id: authIdentityId,
      })
      for (const row of previous) {
        await trx.raw(
          `insert into identity_claim (id, canonical, entity_id, auth_identity_id, created_at, updated_at)
           values (:id, :canonical, :entity_id, :auth_identity_id, now(), now())
           on conflict (canonical) where deleted_at is null do nothing`,
          { id: generateEntityId(undefined, "idcl"), ...row }
        )
      }
    })
  }

  /** Gives back a claim whose registration failed (never a confirmed one). */
  async release(canonical: string, entityId: string): Promise<void> {
    await this.pg.raw(
      `delete from identity_claim
       where canonical = :canonical and entity_id = :entity_id and auth_identity_id is null and deleted_at is null`,
      { canonical, entity_id: entityId }
    )
  }

  /**
   * Existing emailpass identities that share a canonical form with another
   * (created before the plugin, or around it), grouped by canonical form,
   * oldest first. Reads every emailpass identity once: for the one-off
   * report, never on a request. The canonical form in SQL is the
   * migration's (lib/identity `canonicalEmail`).
   */
  async lookalikes(): Promise<LookalikeIdentity[]> {
    const rows = await emailpassLookalikes(this.pg)
    return rows.map(({ app_metadata, ...row }) => ({
      ...row,
      created_at: new Date(row.created_at),
      actor_types: Object.keys(app_metadata ?? {})
        .filter((key) => key.endsWith("_id") && typeof app_metadata?.[key] === "string")
        .map((key) => key.slice(0, -3))
        .sort(),
    }))
  }
}
