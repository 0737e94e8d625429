import { model } from "@medusajs/framework/utils"

/**
 * A customer's erasure (GDPR art. 17), one row per customer: `requested`
 * when the customer asked in the storefront and an admin has to confirm,
 * `completed` once the account was anonymized (by whom, when). Holds no
 * personal data, so it outlives the anonymization as its record.
 */
const PrivacyRequest = model
  .define("customer_privacy_request", {
    id: model.id({ prefix: "cpriv" }).primaryKey(),
    customer_id: model.text(),
    status: model.enum(["requested", "completed"]),
    requested_at: model.dateTime().nullable(),
    completed_at: model.dateTime().nullable(),
    /** The admin who anonymized, or null when the customer did (self-service). */
    completed_by: model.text().nullable(),
  })
  .indexes([{ on: ["customer_id"], unique: true, where: "deleted_at IS NULL" }, { on: ["status"] }])

export default PrivacyRequest
