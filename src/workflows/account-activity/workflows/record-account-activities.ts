import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { NewAccountActivity } from "../../../modules/account-activity/types"
import { recordAccountActivitiesStep } from "../steps/record-account-activities"

export const recordAccountActivitiesWorkflowId = "cam-record-account-activities"

/**
 * Appends entries to customers' activity timelines; an entry whose
 * `source_key` is already stored is skipped, so recording an event twice
 * (a retry, a redelivery) writes it once. Returns how many were new.
 *
 * @example
 * await recordAccountActivitiesWorkflow(container).run({
 *   input: { entries: [{ customer_id: "cus_1", type: "note.created", actor_type: "user", actor_id: "user_1", source_key: "note.created:…" }] },
 * })
 */
export const recordAccountActivitiesWorkflow = createWorkflow(
  recordAccountActivitiesWorkflowId,
  (input: { entries: NewAccountActivity[] }) => {
    return new WorkflowResponse(recordAccountActivitiesStep(input.entries))
  }
)
