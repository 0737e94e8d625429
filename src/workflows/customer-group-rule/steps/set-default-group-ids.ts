import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../../modules/customer-accounts/service"

export const setDefaultGroupIdsStepId = "cam-set-default-group-ids"

/**
 * Stores the default groups setting. Compensation puts the previous value
 * back (or, when there was none, an empty list: the option applies again
 * only after an explicit reset, never silently).
 */
export const setDefaultGroupIdsStep = createStep(
  setDefaultGroupIdsStepId,
  async ({ default_group_ids }: { default_group_ids: string[] }, { container }) => {
    const service: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    const previous = await service.getDefaultGroupIds()
    const stored = await service.setDefaultGroupIds(default_group_ids)
    return new StepResponse(stored, { previous })
  },
  async (snapshot, { container }) => {
    if (!snapshot) {
      return
    }
    const service: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    await service.setDefaultGroupIds(snapshot.previous ?? [])
  }
)
