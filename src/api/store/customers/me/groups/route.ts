import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StoreCustomerGroupsResponse } from "../../../../../types/customer-group-rule"

/** The logged-in customer's groups, e.g. for group-pricing labels. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreCustomerGroupsResponse>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: ["groups.id", "groups.name"],
    filters: { id: req.auth_context.actor_id },
  })
  type Group = { id: string; name: string | null } | null
  const groups = ((customer?.groups ?? []) as Group[])
    .filter((group): group is NonNullable<Group> => !!group)
    .map((group) => ({ id: group.id, name: group.name ?? "" }))
    .sort((a, b) => a.name.localeCompare(b.name))
  res.json({ groups })
}
