import { model } from "@medusajs/framework/utils"

/**
 * One session the app handed out: the chain of tokens that began with one
 * login (or registration) and continued through refreshes and a second
 * factor. One row per session, however many requests it serves: `last_seen_at`
 * is written at most once a minute.
 *
 * - `started_at`: the login that began it (project clock); `ends_at` =
 *   `started_at` + `sessions.absoluteLifetime`: no refresh keeps it alive past that.
 * - `expires_at`: when its newest token expires (a refresh moves it).
 * - `revoked_at`, `revoked_reason`, `revoked_by` (`customer`, `user:<id>`,
 *   `system`): why it ended before its time. A revoked session is refused on
 *   every route, on every instance (the check reads this row).
 * - `ip`, `user_agent`: of the request that began it (personal data: an
 *   erasure deletes the row).
 * - `assisted_by`, `assistance_reason`: set for an assisted session (a Back
 *   Office user signed in as the customer, docs/assistance.md): the user's id
 *   and the reason they gave. Its `ends_at` is `assistance.maxMinutes` after
 *   the start.
 */
const AccountSession = model
  .define("account_session", {
    id: model.id({ prefix: "asess" }).primaryKey(),
    auth_identity_id: model.text(),
    actor_type: model.text(),
    method: model.text(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
    cookie: model.boolean().default(false),
    refresh_count: model.number().default(0),
    started_at: model.dateTime(),
    last_seen_at: model.dateTime(),
    expires_at: model.dateTime().nullable(),
    ends_at: model.dateTime(),
    revoked_at: model.dateTime().nullable(),
    revoked_reason: model.text().nullable(),
    revoked_by: model.text().nullable(),
    assisted_by: model.text().nullable(),
    assistance_reason: model.text().nullable(),
  })
  .indexes([{ on: ["auth_identity_id"], where: "deleted_at IS NULL" }])

export default AccountSession
