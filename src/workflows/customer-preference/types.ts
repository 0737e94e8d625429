import type { UpdateCustomerPreferences } from "../../types/customer-preference"

export type UpdateCustomerPreferencesInput = {
  customer_id: string
  update: UpdateCustomerPreferences
}
