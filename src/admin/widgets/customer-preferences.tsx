import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomer,
  DetailWidgetProps,
} from "@medusajs/framework/types"

import { CustomerPreferencesSection } from "../components/customer-preferences/customer-preferences-section"

/** Language, shipping, default addresses and marketing consents of a customer. */
const CustomerPreferencesWidget = ({
  data,
}: DetailWidgetProps<AdminCustomer>) => {
  return <CustomerPreferencesSection customer={data} />
}

export const config = defineWidgetConfig({
  // The side column: a short list of label/value rows.
  zone: "customer.details.side.after",
  // Stable id (prefixed, as the admin-sdk asks of plugins) so an admin's
  // layout customisations survive renames of this file.
  id: "customer-accounts:preferences",
})

export default CustomerPreferencesWidget
