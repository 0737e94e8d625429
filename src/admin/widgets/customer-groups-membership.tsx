import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomer,
  DetailWidgetProps,
} from "@medusajs/framework/types"

import { AutomaticMembershipsSection } from "../components/customer-groups/automatic-memberships-section"

/**
 * The customer's automatic and default group memberships, with the rules
 * behind them. Medusa's own "Customer Groups" card lists every group, so this
 * card shows only what it cannot explain, and nothing when there is none.
 */
const CustomerGroupsMembershipWidget = ({
  data,
}: DetailWidgetProps<AdminCustomer>) => {
  return <AutomaticMembershipsSection customerId={data.id} />
}

export const config = defineWidgetConfig({
  // The side column: a compact list next to the addresses.
  zone: "customer.details.side.after",
  // Stable id (prefixed, as the admin-sdk asks of plugins) so an admin's
  // layout customisations survive renames of this file.
  id: "customer-accounts:group-memberships",
})

export default CustomerGroupsMembershipWidget
