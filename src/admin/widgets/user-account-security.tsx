import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminUser, DetailWidgetProps } from "@medusajs/framework/types"

import { UserSecuritySection } from "../components/account-security/user-security-section"

/** Lock status, login attempts and IP blocks on a Back Office user's page. */
const UserAccountSecurityWidget = ({ data }: DetailWidgetProps<AdminUser>) => {
  return <UserSecuritySection user={data} />
}

export const config = defineWidgetConfig({
  zone: "user.details.after",
  // Stable id (prefixed, as the admin-sdk asks of plugins) so an admin's
  // layout customisations survive renames of this file.
  id: "customer-accounts:user-account-security",
})

export default UserAccountSecurityWidget
