import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { projectClock } from "../../../lib/clock"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../../modules/customer-accounts/service"

export const completeAnonymizationStepId = "cam-complete-anonymization"

/**
 * Marks the erasure done, once everything is erased; returns when.
 * Compensation (the event after it failed) makes it `erasing` again, so the
 * next run finishes it and emits the event.
 */
export const completeAnonymizationStep = createStep(
  completeAnonymizationStepId,
  async (input: { customer_id: string }, { container }) => {
    const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    const { completed_at, by_this_call } = await accounts.erasure.complete(input.customer_id, projectClock.now())
    // Another run's completion is that run's to take back.
    return new StepResponse(completed_at, by_this_call ? { customer_id: input.customer_id, completed_at } : null)
  },
  async (completion, { container }) => {
    if (!completion) {
      return
    }
    const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    await accounts.erasure.reopen(completion.customer_id, new Date(completion.completed_at))
  }
)
