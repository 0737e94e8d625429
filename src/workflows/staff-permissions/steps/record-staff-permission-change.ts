import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Capability } from "../../../lib/permissions/capabilities"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../../modules/customer-accounts/service"

export const recordStaffPermissionChangeStepId = "cam-record-staff-permission-change"

/**
 * Writes the audit entry of a grant (who, whose, before, after; its
 * `created_at` says when). Compensation removes the entry with the grant.
 */
export const recordStaffPermissionChangeStep = createStep(
  recordStaffPermissionChangeStepId,
  async (
    input: { user_id: string; actor_id: string; before: Capability[]; after: Capability[] },
    { container }
  ) => {
    const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    const change = await accounts.createStaffPermissionChanges(input)
    return new StepResponse(change, change.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    await accounts.deleteStaffPermissionChanges([id])
  }
)
