import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomer,
  DetailWidgetProps,
} from "@medusajs/framework/types"

import { AccountSecuritySection } from "../components/account-security/account-security-section"

/**
 * Lock status, counters, e-mail verification, password and verification
 * actions and blocked IPs on the customer page; the login attempts table is
 * its own widget in the main column.
 */
const CustomerAccountSecurityWidget = ({
  data,
}: DetailWidgetProps<AdminCustomer>) => {
  return <AccountSecuritySection customer={data} />
}

export const config = defineWidgetConfig({
  // The side column: a compact status card next to the addresses.
  zone: "customer.details.side.after",
  // Stable id (prefixed, as the admin-sdk asks of plugins) so an admin's
  // layout customisations survive renames of this file.
  id: "customer-accounts:account-security",
})

export default CustomerAccountSecurityWidget
