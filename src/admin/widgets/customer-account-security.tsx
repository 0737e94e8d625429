import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomer,
  DetailWidgetProps,
} from "@medusajs/framework/types"

import { AccountSecuritySection } from "../components/account-security/account-security-section"

/** Lock status, login attempts and password actions on the customer page. */
const CustomerAccountSecurityWidget = ({
  data,
}: DetailWidgetProps<AdminCustomer>) => {
  return <AccountSecuritySection customer={data} />
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
  // Stable id (prefixed, as the admin-sdk asks of plugins) so an admin's
  // layout customisations survive renames of this file.
  id: "customer-accounts:account-security",
})

export default CustomerAccountSecurityWidget
