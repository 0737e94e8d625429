import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomerGroup,
  DetailWidgetProps,
} from "@medusajs/framework/types"

import { GroupRulesSection } from "../components/customer-groups/group-rules-section"

/** Rules that add customers to the group automatically, and their last run. */
const CustomerGroupRulesWidget = ({
  data,
}: DetailWidgetProps<AdminCustomerGroup>) => {
  return <GroupRulesSection groupId={data.id} />
}

export const config = defineWidgetConfig({
  zone: "customer_group.details.after",
  // Stable id (prefixed, as the admin-sdk asks of plugins) so an admin's
  // layout customisations survive renames of this file.
  id: "customer-accounts:group-rules",
})

export default CustomerGroupRulesWidget
