import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { REDACTED_VERIFY_URL } from "../../../src/subscribers/send-email-verification"
import { REDACTED_RESET_URL } from "../../../src/subscribers/send-password-reset-email"
import { eventually } from "./events"

/**
 * Waits until at least `count` e-mails went to `to` and every one of them
 * that carries a live link (verification, reset) is delivered and its stored
 * copy redacted: the subscriber's last write, which lands after the request
 * that caused it has answered. A check that "nothing was written" after a
 * registration starts after this, not after a fixed sleep.
 */
export async function liveLinkEmailsSettled(knex: Knex, to: string, count = 1): Promise<void> {
  await eventually(
    async () => {
      const { rows } = await knex.raw(
        `select count(*)::int as sent,
                count(*) filter (where status = 'pending'
                                    or (data->>'verify_url' is not null and data->>'verify_url' <> ?)
                                    or (data->>'reset_url' is not null and data->>'reset_url' <> ?))::int as open
           from notification where "to" = ?`,
        [REDACTED_VERIFY_URL, REDACTED_RESET_URL, to]
      )
      return rows[0].sent >= count && rows[0].open === 0
    },
    { timeoutMs: 15000 }
  )
}
