import type { UpdateCustomerPreferences } from "../../types/customer-preference"

export type UpdateCustomerPreferencesInput = {
  customer_id: string
  update: UpdateCustomerPreferences
  /**
   * Who changes them, for the activity timeline: the customer, a Back Office
   * user (with their id), or `system` (when unknown, e.g. through Medusa's
   * own customer routes' `additional_data`).
   */
  actor?: { type: "customer" | "user" | "system"; id?: string | null }
}
