import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** What the module holds about one customer, for an export. */
export type SecurityRecordsOf = {
  login_attempts: {
    id: string
    identifier: string
    actor_type: string | null
    outcome: string
    ip: string | null
    user_agent: string | null
    attempted_at: Date
    count: number
    last_attempted_at: Date | null
  }[]
}

/**
 * The personal data the module keeps about a person (GDPR): the attempt log
 * names them by identity / customer id, e-mail, IP and browser; lock rows
 * by identity; rate-limit counters by e-mail; the password history by
 * identity. Registered by Medusa as
 * `personalDataRepository`.
 */
export class PersonalDataRepository {
  protected readonly pg: Knex

  constructor(cradle: Record<string, unknown>) {
    this.pg = cradle[ContainerRegistrationKeys.PG_CONNECTION] as Knex
  }

  /**
   * The attempts on this customer's identities or naming this customer,
   * newest first (at most `limit`). Never by e-mail: a look-alike shares it.
   */
  async loginAttemptsOf(customerId: string, authIdentityIds: string[], limit: number): Promise<SecurityRecordsOf["login_attempts"]> {
    return this.pg("login_attempt")
      .select("id", "identifier", "actor_type", "outcome", "ip", "user_agent", "attempted_at", "count", "last_attempted_at")
      .whereNull("deleted_at")
      .andWhere((where) => {
        where.where("customer_id", customerId)
        if (authIdentityIds.length) {
          where.orWhereIn("auth_identity_id", authIdentityIds)
        }
      })
      .orderBy([{ column: "attempted_at", order: "desc" }, { column: "id", order: "desc" }])
      .limit(limit)
  }

  /**
   * Erases the person from the module, in one transaction: attempts keep
   * their outcome and time (the lockout's statistics) but lose identifier,
   * IP and browser; the identities' lock rows, the rate-limit counters of
   * their own login addresses (`identifiers`), their password history and
   * exposure mark, their assisted-shopping consent and codes, and their
   * identities' address claims go. The person is found by customer and
   * identity ids only, never by an e-mail string a look-alike may share.
   * Returns what changed.
   */
  async erase(input: { customer_id: string; identifiers: string[]; auth_identity_ids: string[] }) {
    const erasedIdentifier = `erased:${input.customer_id}`
    return this.pg.transaction(async (trx) => {
      const ofPerson = (where: Knex.QueryBuilder) => {
        where.where("customer_id", input.customer_id)
        if (input.auth_identity_ids.length) {
          where.orWhereIn("auth_identity_id", input.auth_identity_ids)
        }
      }
      // The IPs the person was seen from: their counters go too, unless
      // locked now (a lock protects every account behind the IP, and ends
      // within lockSeconds).
      const ips = (await trx("login_attempt").distinct("ip").whereNotNull("ip").andWhere(ofPerson)).map(
        (row: { ip: string }) => row.ip
      )
      const ipRows = ips.length
        ? await trx("login_throttle")
            .where("scope", "ip")
            .whereIn("key", ips)
            .andWhere((where) => where.whereNull("locked_until").orWhere("locked_until", "<=", trx.fn.now()))
            .delete()
        : 0
      const attempts = await trx("login_attempt")
        .where(ofPerson)
        // Erased aggregates leave their minute's bucket: two IPs' rows of one
        // minute would otherwise become the same key.
        .update({ identifier: erasedIdentifier, ip: null, user_agent: null, customer_id: input.customer_id, bucket: null })
      const throttles = input.auth_identity_ids.length
        ? await trx("login_throttle").where("scope", "identifier").whereIn("key", input.auth_identity_ids).delete()
        : 0
      // Counters of the person's addresses, and those kept per customer (exports, address changes).
      const counters = await trx("security_counter")
        .where((where) => {
          where.where("key", input.customer_id).orWhere("key", "like", `${input.customer_id.replace(/[\\%_]/g, "\\$&")}:%`)
          if (input.identifiers.length) {
            where.orWhereIn("key", input.identifiers)
          }
        })
        .delete()
      // The password history and a "password change required" mark (counted with it).
      const history = input.auth_identity_ids.length
        ? (await trx("password_history").whereIn("auth_identity_id", input.auth_identity_ids).delete()) +
          (await trx("password_exposure").whereIn("auth_identity_id", input.auth_identity_ids).delete())
        : 0
      // Assisted shopping: the customer's consent and the codes staff asked for.
      const assistance =
        (await trx("assistance_consent").where("customer_id", input.customer_id).delete()) +
        (await trx("assistance_code").where("customer_id", input.customer_id).delete())
      // The identities' claims of their address: erased, it is free again.
      const claims = input.auth_identity_ids.length
        ? await trx("identity_claim").whereIn("auth_identity_id", input.auth_identity_ids).delete()
        : 0
      return { attempts, throttles: throttles + ipRows, counters, history, assistance, claims }
    })
  }
}
