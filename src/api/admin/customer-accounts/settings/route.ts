import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { AdminCustomerAccountsSettingsResponse } from "../../../../types/customer-group-rule"
import { configuredDefaultGroupIds } from "../../../../lib/customer-groups/default-groups"
import { updateCustomerAccountsSettingsWorkflow } from "../../../../workflows/customer-group-rule"
import type { AdminUpdateCustomerAccountsSettingsType } from "./validators"

/** The default groups in force: the stored setting, else the plugin option; deleted groups left out. */
async function defaultGroupIds(scope: MedusaContainer): Promise<string[]> {
  const ids = await configuredDefaultGroupIds(scope)
  if (!ids.length) {
    return []
  }
  const groups = await scope.resolve(Modules.CUSTOMER).listCustomerGroups({ id: ids }, { select: ["id"] })
  return ids.filter((id) => groups.some((group) => group.id === id))
}

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCustomerAccountsSettingsResponse>
) => {
  res.json({ settings: { default_group_ids: await defaultGroupIds(req.scope) } })
}

/** Stores the default groups (every id must be an existing customer group). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateCustomerAccountsSettingsType>,
  res: MedusaResponse<AdminCustomerAccountsSettingsResponse>
) => {
  await updateCustomerAccountsSettingsWorkflow(req.scope).run({
    input: { default_group_ids: req.validatedBody.default_group_ids },
  })
  res.json({ settings: { default_group_ids: await defaultGroupIds(req.scope) } })
}
