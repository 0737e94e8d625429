import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { projectClock } from "../../../lib/clock"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../../modules/customer-accounts/service"

type Previous = { id: string; created: boolean; status: "requested" | "completed"; completed_at: Date | null; completed_by: string | null }

export const claimAnonymizationStepId = "cam-claim-anonymization"

/**
 * Records the anonymization as done before it runs (so two runs cannot both
 * start, and an anonymized account is refused with 400). Compensation puts
 * the record back as it was, so a run that fails can be retried; this is the
 * only step before the point of no return.
 */
export const claimAnonymizationStep = createStep(
  claimAnonymizationStepId,
  async (input: { customer_id: string; actor_id: string | null }, { container }) => {
    const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    const now = projectClock.now()
    const [request] = await accounts.listPrivacyRequests({ customer_id: input.customer_id })
    if (request?.status === "completed") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This customer was anonymized already")
    }
    if (request) {
      await accounts.updatePrivacyRequests({ id: request.id, status: "completed", completed_at: now, completed_by: input.actor_id })
      return new StepResponse(now, {
        id: request.id,
        created: false,
        status: request.status,
        completed_at: request.completed_at ?? null,
        completed_by: request.completed_by ?? null,
      } as Previous)
    }
    // The unique index on customer_id refuses a concurrent second claim.
    const created = await accounts.createPrivacyRequests({
      customer_id: input.customer_id,
      status: "completed",
      requested_at: null,
      completed_at: now,
      completed_by: input.actor_id,
    })
    return new StepResponse(now, { id: created.id, created: true, status: "completed", completed_at: null, completed_by: null } as Previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
    if (previous.created) {
      await accounts.deletePrivacyRequests([previous.id])
    } else {
      await accounts.updatePrivacyRequests({
        id: previous.id,
        status: previous.status,
        completed_at: previous.completed_at,
        completed_by: previous.completed_by,
      })
    }
  }
)
