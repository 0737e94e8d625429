import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { projectClock } from "../../../lib/clock"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../../modules/customer-accounts"
import type { ErasureRecord } from "../../../modules/customer-accounts/repositories/erasure"
import type CustomerAccountsModuleService from "../../../modules/customer-accounts/service"

export const recordErasureRequestStepId = "cam-record-erasure-request"

/**
 * Records a customer's request to be erased, unless the customer has a
 * record already (asking twice, or twice at once, is one request: one
 * statement). Returns the record and whether this step made it;
 * compensation withdraws a request it made while it is still a request.
 */
export const recordErasureRequestStep = createStep(
  recordErasureRequestStepId,
  async (input: { customer_id: string }, { container }) => {
    const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    const { record, created } = await accounts.erasure.request(input.customer_id, projectClock.now())
    return new StepResponse<{ record: ErasureRecord; created: boolean }, string | null>(
      { record, created },
      created ? record.id : null
    )
  },
  async (createdId, { container }) => {
    if (!createdId) {
      return
    }
    const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    await accounts.erasure.withdraw(createdId)
  }
)
