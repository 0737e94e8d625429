import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../../modules/customer-accounts/service"

export const forgetStaffPermissionsStepId = "cam-forget-staff-permissions"

/**
 * Removes the grants of deleted Back Office users (the audit trail stays).
 * Returns the users whose grants went; compensation restores them.
 */
export const forgetStaffPermissionsStep = createStep(
  forgetStaffPermissionsStepId,
  async (input: { user_ids: string[] }, { container }) => {
    const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    const rows = input.user_ids.length ? await accounts.listStaffPermissions({ user_id: input.user_ids }) : []
    if (rows.length) {
      await accounts.deleteStaffPermissions(rows.map((row) => row.id))
    }
    const removed = rows.map((row) => ({ user_id: row.user_id, capabilities: row.capabilities as string[] }))
    return new StepResponse(
      removed.map((row) => row.user_id),
      removed
    )
  },
  async (removed, { container }) => {
    if (!removed?.length) {
      return
    }
    const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    await accounts.createStaffPermissions(removed)
  }
)
