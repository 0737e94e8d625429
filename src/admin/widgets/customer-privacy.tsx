import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomer,
  DetailWidgetProps,
} from "@medusajs/framework/types"

import { CustomerPrivacySection } from "../components/customer-privacy/customer-privacy-section"

/**
 * The customer's personal data (GDPR): erasure status, a download of
 * everything the shop holds about them, and the anonymization.
 */
const CustomerPrivacyWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  return <CustomerPrivacySection customer={data} />
}

export const config = defineWidgetConfig({
  // The side column, below the plugin's other cards: a status and two actions.
  zone: "customer.details.side.after",
  // Stable id (prefixed, as the admin-sdk asks of plugins) so an admin's
  // layout customisations survive renames of this file.
  id: "customer-accounts:customer-privacy",
})

export default CustomerPrivacyWidget
