import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomer,
  DetailWidgetProps,
} from "@medusajs/framework/types"

import { AccountActivitySection } from "../components/account-activity/account-activity-section"

/**
 * The customer's account activity timeline and (filter "Sign-ins") their
 * login attempts, a wide list below the details.
 */
const CustomerAccountActivityWidget = ({
  data,
}: DetailWidgetProps<AdminCustomer>) => {
  return <AccountActivitySection customer={data} />
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
  // Stable id (prefixed, as the admin-sdk asks of plugins) so an admin's
  // layout customisations survive renames of this file.
  id: "customer-accounts:account-activity",
})

export default CustomerAccountActivityWidget
