import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomer,
  DetailWidgetProps,
} from "@medusajs/framework/types"

import { GroupMembershipsSection } from "../components/customer-groups/group-memberships-section"

/** The customer's groups, each marked as added by hand or by rules. */
const CustomerGroupsMembershipWidget = ({
  data,
}: DetailWidgetProps<AdminCustomer>) => {
  return <GroupMembershipsSection customerId={data.id} />
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
  // Stable id (prefixed, as the admin-sdk asks of plugins) so an admin's
  // layout customisations survive renames of this file.
  id: "customer-accounts:group-memberships",
})

export default CustomerGroupsMembershipWidget
