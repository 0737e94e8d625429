import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNT_ACTIVITY_MODULE } from "../../../modules/account-activity"
import type AccountActivityModuleService from "../../../modules/account-activity/service"
import type { NewAccountActivity } from "../../../modules/account-activity/types"

export const recordAccountActivitiesStepId = "cam-record-account-activities"

/**
 * Appends entries to the activity log (idempotently, by `source_key`).
 * Deliberately without compensation: the log is append-only, and this step
 * is the last (and only) write of every workflow that runs it, so nothing
 * after it can fail and ask for it to be taken back.
 */
export const recordAccountActivitiesStep = createStep(
  recordAccountActivitiesStepId,
  async (entries: NewAccountActivity[], { container }) => {
    const activity: AccountActivityModuleService = container.resolve(ACCOUNT_ACTIVITY_MODULE)
    return new StepResponse(await activity.recordActivities(entries))
  }
)
