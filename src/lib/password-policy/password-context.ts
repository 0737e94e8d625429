import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { PasswordContext } from "./index"

type Names = { first_name?: string | null; last_name?: string | null }

/**
 * What the policy compares a password against: the e-mail, the names of the
 * account behind it (a customer's, else a Back Office user's) and the
 * store's name. Names given by the caller win (a registration has no
 * account yet).
 */
export async function passwordContextFor(
  scope: MedusaContainer,
  email: string | null | undefined,
  names: Names = {}
): Promise<PasswordContext> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const lookUp = async (entity: "customer" | "user", filters: Record<string, unknown>) =>
    (await query.graph({ entity, fields: ["first_name", "last_name"], filters })).data[0] as Names | undefined
  const [{ data: stores }, account] = await Promise.all([
    query.graph({ entity: "store", fields: ["name"], pagination: { take: 1 } }),
    email && names.first_name === undefined
      ? lookUp("customer", { email, has_account: true }).then(
          async (customer) => customer ?? (await lookUp("user", { email }))
        )
      : Promise.resolve(undefined),
  ])
  return {
    email: email ?? null,
    first_name: names.first_name ?? account?.first_name ?? null,
    last_name: names.last_name ?? account?.last_name ?? null,
    store_name: stores[0]?.name ?? null,
  }
}
