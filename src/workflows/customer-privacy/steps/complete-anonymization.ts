import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { projectClock } from "../../../lib/clock"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../../modules/customer-accounts/service"

export const completeAnonymizationStepId = "cam-complete-anonymization"

/** Marks the erasure done, once everything is erased; returns when. */
export const completeAnonymizationStep = createStep(
  completeAnonymizationStepId,
  async (input: { customer_id: string }, { container }) => {
    const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    return new StepResponse(await accounts.erasure.complete(input.customer_id, projectClock.now()))
  }
)
