import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_PREFERENCE_MODULE } from "../../../modules/customer-preference"
import type CustomerPreferenceModuleService from "../../../modules/customer-preference/service"

export const deleteCustomerPreferencesStepId = "cam-delete-customer-preferences"

/** Soft-deletes the preferences of the given customers; compensation restores them. */
export const deleteCustomerPreferencesStep = createStep(
  deleteCustomerPreferencesStepId,
  async (customerIds: string[], { container }) => {
    const service: CustomerPreferenceModuleService = container.resolve(CUSTOMER_PREFERENCE_MODULE)
    const rows = await service.listCustomerPreferences({ customer_id: customerIds }, { select: ["id"] })
    const ids = rows.map((row) => row.id)
    if (ids.length) {
      await service.softDeleteCustomerPreferences(ids)
    }
    return new StepResponse(void 0, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: CustomerPreferenceModuleService = container.resolve(CUSTOMER_PREFERENCE_MODULE)
    await service.restoreCustomerPreferences(ids)
  }
)
