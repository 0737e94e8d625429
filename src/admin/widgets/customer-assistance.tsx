import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomer,
  DetailWidgetProps,
} from "@medusajs/framework/types"

import { CustomerAssistanceSection } from "../components/assistance/customer-assistance-section"

/**
 * Assisted shopping on the customer page: the customer's consent, "Sign in
 * as customer" and the assisted sessions running now. Medusa's own action
 * menu of the customer page takes no entries from plugins, so the action
 * lives in this card.
 */
const CustomerAssistanceWidget = ({
  data,
}: DetailWidgetProps<AdminCustomer>) => {
  return <CustomerAssistanceSection customer={data} />
}

export const config = defineWidgetConfig({
  // The side column, with the account's other status cards.
  zone: "customer.details.side.after",
  // Stable id (prefixed, as the admin-sdk asks of plugins) so an admin's
  // layout customisations survive renames of this file.
  id: "customer-accounts:assistance",
})

export default CustomerAssistanceWidget
