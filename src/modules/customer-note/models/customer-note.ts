import { model } from "@medusajs/framework/utils"

/**
 * A Back Office note on a customer. `customer_id` and `author_id` are plain
 * columns owned by this module; read-only links expose the customer and the
 * author (an admin user) to `query.graph` without a pivot table.
 *
 * `is_system` marks the audit entries the plugin writes for security actions
 * (locks, unlocks, reset links, passwords set): no admin can rewrite or
 * delete them, not even the admin they name as author. Their `message`
 * (`{ key, params }`, see lib/messages `SystemNoteMessage`) is their text as
 * data, which the admin shows in each viewer's language; `body` keeps it in
 * English for API clients and search. Notes written before `message`
 * existed, and admins' own notes, have none.
 */
const CustomerNote = model
  .define("customer_note", {
    id: model.id({ prefix: "cnote" }).primaryKey(),
    customer_id: model.text(),
    body: model.text(),
    author_id: model.text(),
    pinned: model.boolean().default(false),
    is_system: model.boolean().default(false),
    message: model.json().nullable(),
  })
  .indexes([
    {
      // The only hot query: one customer's notes, pinned first, newest first.
      on: ["customer_id", "pinned", "created_at"],
      where: "deleted_at IS NULL",
    },
  ])

export default CustomerNote
