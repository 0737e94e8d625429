import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomer,
  DetailWidgetProps,
} from "@medusajs/framework/types"

import { CustomerLoginAttemptsSection } from "../components/account-security/customer-login-attempts-section"

/** The customer's recent sign-in attempts, a wide table below the details. */
const CustomerLoginAttemptsWidget = ({
  data,
}: DetailWidgetProps<AdminCustomer>) => {
  return <CustomerLoginAttemptsSection customer={data} />
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
  // Stable id (prefixed, as the admin-sdk asks of plugins) so an admin's
  // layout customisations survive renames of this file.
  id: "customer-accounts:login-attempts",
})

export default CustomerLoginAttemptsWidget
