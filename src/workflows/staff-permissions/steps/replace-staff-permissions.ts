import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capabilitiesFrom, type Capability } from "../../../lib/permissions/capabilities"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../../modules/customer-accounts/service"

export const replaceStaffPermissionsStepId = "cam-replace-staff-permissions"

type Previous = { user_id: string; row_id: string | null; capabilities: Capability[] }

/**
 * Replaces the capabilities granted to a user. Returns what they held
 * before and after; compensation puts the previous grant back.
 */
export const replaceStaffPermissionsStep = createStep(
  replaceStaffPermissionsStepId,
  async (input: { user_id: string; capabilities: Capability[] }, { container }) => {
    const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    let [row] = await accounts.listStaffPermissions({ user_id: input.user_id })
    const before = capabilitiesFrom(row?.capabilities)
    if (!row) {
      try {
        await accounts.createStaffPermissions({ user_id: input.user_id, capabilities: input.capabilities })
      } catch (error) {
        // Another grant made the user's row at the same moment (the unique
        // index): replace that one; the last writer's list wins as a whole.
        ;[row] = await accounts.listStaffPermissions({ user_id: input.user_id })
        if (!row) {
          throw error
        }
      }
    }
    if (row) {
      await accounts.updateStaffPermissions({ id: row.id, capabilities: input.capabilities })
    }
    return new StepResponse<{ before: Capability[]; after: Capability[] }, Previous>(
      { before, after: input.capabilities },
      { user_id: input.user_id, row_id: row?.id ?? null, capabilities: before }
    )
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    if (previous.row_id) {
      await accounts.updateStaffPermissions({ id: previous.row_id, capabilities: previous.capabilities })
      return
    }
    const created = await accounts.listStaffPermissions({ user_id: previous.user_id })
    if (created.length) {
      await accounts.deleteStaffPermissions(created.map((row) => row.id))
    }
  }
)
