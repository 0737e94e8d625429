import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomer,
  DetailWidgetProps,
} from "@medusajs/framework/types"

import { CustomerNotesSection } from "../components/customer-notes/customer-notes-section"

/**
 * Internal notes about a customer, at the top of the page's main column:
 * what a support agent reads first, above the orders, the activity and the
 * sign-in attempts.
 */
const CustomerNotesWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  return <CustomerNotesSection customerId={data.id} />
}

export const config = defineWidgetConfig({
  zone: "customer.details.before",
  // Stable id (prefixed, as the admin-sdk asks of plugins) so an admin's
  // layout customisations survive renames of this file.
  id: "customer-accounts:customer-notes",
})

export default CustomerNotesWidget
