import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CustomerPreferenceModule from "../modules/customer-preference"

/**
 * Read-only link on the preference's own `customer_id` column:
 * `query.graph({ entity: "customer", fields: ["preference.*"] })`.
 */
export default defineLink(
  { linkable: CustomerModule.linkable.customer, field: "id" },
  {
    ...CustomerPreferenceModule.linkable.customerPreference.id,
    primaryKey: "customer_id",
    alias: "preference",
  },
  { readOnly: true }
)
