import { model } from "@medusajs/framework/utils"

/**
 * One customer's preferences (one row per customer, created on first write).
 * Default addresses are not stored here: Medusa's `is_default_shipping` /
 * `is_default_billing` address flags stay the only truth.
 */
const CustomerPreference = model
  .define("customer_preference", {
    id: model.id({ prefix: "cpref" }).primaryKey(),
    customer_id: model.text(),
    locale: model.text().nullable(),
    preferred_shipping_option_id: model.text().nullable(),
    email_marketing: model.boolean().default(false),
    email_marketing_updated_at: model.dateTime().nullable(),
    sms_marketing: model.boolean().default(false),
    sms_marketing_updated_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
  ])

export default CustomerPreference
