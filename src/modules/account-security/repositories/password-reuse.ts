import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * The last password hashes of each auth identity (`password_history`), for
 * the reuse rule. Registered by Medusa as `passwordReuseRepository` (the
 * model's own `passwordHistoryRepository` stays Medusa's).
 */
export class PasswordReuseRepository {
  protected readonly pg: Knex

  constructor(cradle: Record<string, unknown>) {
    this.pg = cradle[ContainerRegistrationKeys.PG_CONNECTION] as Knex
  }

  /** The newest `limit` hashes of an identity, newest first. */
  async recentHashes(authIdentityId: string, limit: number): Promise<string[]> {
    const { rows } = await this.pg.raw<{ rows: { hash: string }[] }>(
      `select hash from password_history
       where auth_identity_id = :auth_identity_id and deleted_at is null
       order by created_at desc, id desc limit :limit`,
      { auth_identity_id: authIdentityId, limit }
    )
    return rows.map((row) => row.hash)
  }

  /** Adds a hash and deletes the identity's entries beyond the newest `keep`; returns the new entry's id. */
  async remember(authIdentityId: string, hash: string, keep: number): Promise<string> {
    const id = generateEntityId(undefined, "pwhist")
    await this.pg.raw(
      `insert into password_history (id, auth_identity_id, hash) values (:id, :auth_identity_id, :hash)`,
      { id, auth_identity_id: authIdentityId, hash }
    )
    await this.pg.raw(
      `delete from password_history where id in (
         select id from password_history
         where auth_identity_id = :auth_identity_id and deleted_at is null
         order by created_at desc, id desc offset :keep)`,
      { auth_identity_id: authIdentityId, keep }
    )
    return id
  }

  async delete(ids: string[]): Promise<void> {
    if (ids.length) {
      await this.pg.raw(`delete from password_history where id = any(:ids)`, { ids })
    }
  }
}
