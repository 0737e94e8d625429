import { model } from "@medusajs/framework/utils"

/**
 * A fixed-window counter shared by every server instance (it lives in
 * PostgreSQL, not in process memory). One row per (scope, key), e.g.
 * ("password_reset", "jane@example.com"). Rows are only ever changed by single
 * atomic `INSERT .. ON CONFLICT DO UPDATE` statements, so concurrent requests
 * cannot both read the same count.
 */
const SecurityCounter = model
  .define("security_counter", {
    id: model.id({ prefix: "seccnt" }).primaryKey(),
    scope: model.text(),
    key: model.text(),
    count: model.number().default(0),
    window_started_at: model.dateTime(),
  })
  .indexes([
    {
      on: ["scope", "key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default SecurityCounter
