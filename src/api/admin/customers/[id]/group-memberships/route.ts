import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_GROUP_RULE_MODULE } from "../../../../../modules/customer-group-rule"
import type CustomerGroupRuleModuleService from "../../../../../modules/customer-group-rule/service"
import type { AdminCustomerGroupMembershipsResponse } from "../../../../../types/customer-group-rule"
import { assertCustomerExists } from "../../../../utils/customers"

/** The customer's groups, each marked manual or automatic (made by a rule). */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCustomerGroupMembershipsResponse>
) => {
  const customerId = req.params.id
  await assertCustomerExists(req.scope, customerId)
  const customerModule = req.scope.resolve(Modules.CUSTOMER)
  const rules: CustomerGroupRuleModuleService = req.scope.resolve(CUSTOMER_GROUP_RULE_MODULE)
  const memberships = await customerModule.listCustomerGroupCustomers(
    { customer_id: customerId },
    { select: ["customer_group_id"] }
  )
  const groupIds = memberships.map((m) => m.customer_group_id)
  const [groups, ruleMade] = groupIds.length
    ? await Promise.all([
        customerModule.listCustomerGroups({ id: groupIds }, { select: ["id", "name"], order: { name: "ASC" } }),
        rules.listRuleMemberships({ customer_id: customerId, customer_group_id: groupIds }, { select: ["customer_group_id"] }),
      ])
    : [[], []]
  const automatic = new Set(ruleMade.map((m) => m.customer_group_id))
  res.json({
    memberships: groups.map((group) => ({
      customer_group: { id: group.id, name: group.name ?? "" },
      source: automatic.has(group.id) ? "automatic" : "manual",
    })),
  })
}
