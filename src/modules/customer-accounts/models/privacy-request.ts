import { model } from "@medusajs/framework/utils"

/**
 * A customer's erasure (GDPR art. 17), one row per customer:
 * - `requested`: the customer asked in the storefront; an admin confirms;
 * - `erasing`: an anonymization started (`erasure_started_at`) and has not
 *   finished. `claimed_at` is set while a run holds it and cleared when a
 *   run fails, so the state never reads "anonymized" before everything is
 *   erased, nor "active" after a run that erased part of it;
 * - `completed`: anonymized (by whom, when).
 * Holds no personal data, so it outlives the anonymization as its record.
 */
const PrivacyRequest = model
  .define("customer_privacy_request", {
    id: model.id({ prefix: "cpriv" }).primaryKey(),
    customer_id: model.text(),
    status: model.enum(["requested", "erasing", "completed"]),
    requested_at: model.dateTime().nullable(),
    erasure_started_at: model.dateTime().nullable(),
    claimed_at: model.dateTime().nullable(),
    completed_at: model.dateTime().nullable(),
    /** The admin who anonymized, or null when the customer did (self-service). */
    completed_by: model.text().nullable(),
  })
  .indexes([{ on: ["customer_id"], unique: true, where: "deleted_at IS NULL" }, { on: ["status"] }])

export default PrivacyRequest
