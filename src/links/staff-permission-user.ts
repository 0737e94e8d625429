import { defineLink } from "@medusajs/framework/utils"
import UserModule from "@medusajs/medusa/user"
import CustomerAccountsModule from "../modules/customer-accounts"

/**
 * Read-only link from a user's staff permissions (`user_id`) to Medusa's
 * Back Office user, so `query.graph({ entity: "staff_permission",
 * fields: ["capabilities", "user.email"] })` works. No pivot table; the grants
 * go with a deleted user (subscriber forget-deleted-user-permissions).
 */
export default defineLink(
  {
    linkable: CustomerAccountsModule.linkable.staffPermission,
    field: "user_id",
  },
  UserModule.linkable.user,
  {
    readOnly: true,
  }
)
