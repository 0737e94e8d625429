import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { projectClock } from "../../../lib/clock"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../../modules/customer-accounts/service"

export const claimAnonymizationStepId = "cam-claim-anonymization"

/**
 * Takes the customer's erasure for this run (`erasing`, one atomic
 * statement): a second run at the same time is refused with 409, an
 * anonymized customer with 400. If a later step fails, compensation gives
 * the claim back but leaves the state `erasing`: the erasure may have
 * erased part of the person, so the account reads neither active nor
 * anonymized until a run finishes it.
 */
export const claimAnonymizationStep = createStep(
  claimAnonymizationStepId,
  async (input: { customer_id: string; actor_id: string | null }, { container }) => {
    const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    const claim = await accounts.erasure.claim(input.customer_id, input.actor_id, projectClock.now())
    if (!claim.claimed) {
      if (claim.record.status === "completed") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This customer was anonymized already")
      }
      throw new MedusaError(MedusaError.Types.CONFLICT, "This customer is being anonymized right now")
    }
    return new StepResponse(claim.claimed_at, { customer_id: input.customer_id, claimed_at: claim.claimed_at })
  },
  async (claim, { container }) => {
    if (!claim) {
      return
    }
    const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    await accounts.erasure.release(claim.customer_id, new Date(claim.claimed_at))
  }
)
