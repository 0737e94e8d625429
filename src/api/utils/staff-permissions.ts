import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { CAPABILITIES } from "../../lib/permissions/capabilities"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../modules/customer-accounts/service"
import type { AdminStaffMember } from "../../types/staff-permissions"

export const customerAccounts = (scope: MedusaContainer): CustomerAccountsModuleService =>
  scope.resolve(CUSTOMER_ACCOUNTS_MODULE)

/** Back Office users (all, or `ids`) with what they were granted and may do, by e-mail. */
export async function staffMembers(scope: MedusaContainer, ids?: string[]): Promise<AdminStaffMember[]> {
  const accounts = customerAccounts(scope)
  const users = await scope
    .resolve(Modules.USER)
    .listUsers(ids ? { id: ids } : {}, { select: ["id", "email", "first_name", "last_name"], order: { email: "ASC" } })
  const grants = await accounts.grantsOf(users.map((user) => user.id))
  const { mode } = accounts.getStaffPermissionOptions()
  return users.map((user) => {
    const owner = accounts.isOwner(user.email)
    const capabilities = grants.get(user.id) ?? []
    return {
      id: user.id,
      email: user.email,
      first_name: user.first_name ?? null,
      last_name: user.last_name ?? null,
      owner,
      capabilities,
      effective: mode === "open" || owner ? [...CAPABILITIES] : capabilities,
    }
  })
}
