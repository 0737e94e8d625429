import { model } from "@medusajs/framework/utils"

/**
 * One entry of a customer's account timeline: what happened, who caused it,
 * from where. Append-only: the module's service has no update or delete
 * method, and a trigger (see the migration) refuses UPDATE and DELETE in the
 * database, but for the retention job's own deletes of expired entries.
 *
 * `source_key` makes recording idempotent: a subscriber that runs again for
 * the same event (a retry, a second instance) writes nothing new.
 * `customer_visible` marks what the customer sees in their own timeline.
 */
const AccountActivity = model
  .define("account_activity", {
    id: model.id({ prefix: "cact" }).primaryKey(),
    customer_id: model.text().nullable(),
    kind: model.enum(["security", "profile", "groups", "notes"]),
    type: model.text(),
    actor_type: model.enum(["customer", "user", "system", "rule"]),
    actor_id: model.text().nullable(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
    data: model.json().nullable(),
    customer_visible: model.boolean().default(false),
    source_key: model.text().nullable(),
    occurred_at: model.dateTime(),
  })
  .indexes([
    // The timeline: one customer's entries, newest first (read backwards).
    // Medusa scopes every index to `deleted_at IS NULL`, and so do the queries.
    { on: ["customer_id", "occurred_at", "id"] },
    // The count of a filtered page (a kind, or what the customer may see)
    // from the index alone, not from every row of the customer's.
    { on: ["customer_id", "kind", "customer_visible"] },
    // Retention deletes by age.
    { on: ["occurred_at"] },
    { on: ["source_key"], unique: true, where: "source_key IS NOT NULL AND deleted_at IS NULL" },
  ])

export default AccountActivity
