import {
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { z } from "zod"
import { CUSTOMER_GROUP_RULE_MODULE } from "../../../../../modules/customer-group-rule"
import type CustomerGroupRuleModuleService from "../../../../../modules/customer-group-rule/service"
import { AdminUpdateCustomerAccountsSettings } from "../../../customer-accounts/settings/validators"
import { refuseNulInPathParams, validateBody } from "../../../../utils/request-guards"
import { AdminSetCustomerGroupRules } from "./validators"

/**
 * After Medusa deletes a customer group (no workflow hook exists for it):
 * drop it from the default groups and delete its rules and rule records.
 */
export function forgetDeletedGroup(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const groupId = req.params.id
  res.on("finish", () => {
    if (res.statusCode !== 200) {
      return
    }
    const rules: CustomerGroupRuleModuleService = req.scope.resolve(CUSTOMER_GROUP_RULE_MODULE)
    void (async () => {
      const defaults = await rules.getDefaultGroupIds()
      if (defaults?.includes(groupId)) {
        await rules.setDefaultGroupIds(defaults.filter((id) => id !== groupId))
      }
      const [sets, records] = await Promise.all([
        rules.listGroupRuleSets({ customer_group_id: groupId }, { select: ["id"] }),
        rules.listRuleMemberships({ customer_group_id: groupId }, { select: ["id"] }),
      ])
      await rules.deleteGroupRuleSets(sets.map((set) => set.id))
      await rules.deleteRuleMemberships(records.map((record) => record.id))
    })().catch((error: unknown) =>
      req.scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(`medusa-customer-accounts: cleanup after deleting group ${groupId} failed: ${String(error)}`)
    )
  })
  next()
}

export const adminCustomerGroupRuleMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customer-groups/:id/rules",
    middlewares: [refuseNulInPathParams],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-groups/:id/rules",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminSetCustomerGroupRules)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-groups/:id/rules/evaluate",
    middlewares: [refuseNulInPathParams, ...validateBody(z.object({}).strict())],
  },
  {
    method: ["DELETE"],
    matcher: "/admin/customer-groups/:id",
    middlewares: [forgetDeletedGroup],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-accounts/settings",
    middlewares: [...validateBody(AdminUpdateCustomerAccountsSettings)],
  },
]
