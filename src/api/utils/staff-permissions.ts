import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../modules/customer-accounts/service"
import type { StaffCapabilities } from "../../modules/customer-accounts/service"
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
      effective: accounts.effectiveCapabilities(owner, capabilities),
    }
  })
}

/** A Back Office user's capabilities; null when no such user exists (deleted meanwhile). */
export async function capabilitiesOfUser(scope: MedusaContainer, userId: string): Promise<StaffCapabilities | null> {
  const [user] = await scope.resolve(Modules.USER).listUsers({ id: userId }, { select: ["id", "email"] })
  return user ? customerAccounts(scope).capabilitiesOf(user) : null
}

/**
 * What the request's actor may do: a Back Office user's capabilities; a
 * secret API key (or a user gone meanwhile) holds what a user granted
 * nothing holds (everything in `open` mode, nothing when enforced).
 */
export async function capabilitiesOfActor(
  scope: MedusaContainer,
  auth: { actor_type?: string; actor_id?: string } | undefined
): Promise<StaffCapabilities> {
  const own = auth?.actor_type === "user" && auth.actor_id ? await capabilitiesOfUser(scope, auth.actor_id) : null
  if (own) {
    return own
  }
  const accounts = customerAccounts(scope)
  const { mode } = accounts.getStaffPermissionOptions()
  return { mode, owner: false, granted: [], effective: accounts.effectiveCapabilities(false, []) }
}
