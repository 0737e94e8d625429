import { model } from "@medusajs/framework/utils"

/**
 * A customer's consent to assisted shopping (`assistance.consent:
 * "required"`): store staff may sign in as them while it holds, until
 * `expires_at` when the customer gave it for some hours. One row per
 * customer; taking consent back deletes it.
 */
const AssistanceConsent = model
  .define("assistance_consent", {
    id: model.id({ prefix: "ascon" }).primaryKey(),
    customer_id: model.text(),
    granted_at: model.dateTime(),
    expires_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["customer_id"], unique: true, where: "deleted_at IS NULL" }])

export default AssistanceConsent
