import { randomUUID } from "node:crypto"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { StaffPermissionEvents } from "../../../lib/events"
import { forgetStaffPermissionsStep } from "../steps/forget-staff-permissions"

export const forgetStaffPermissionsWorkflowId = "cam-forget-staff-permissions"

/**
 * Removes deleted Back Office users' grants, so a new user who gets a
 * recycled id or e-mail never inherits them; emits
 * `staff_permissions.forgotten` when there were any.
 */
export const forgetStaffPermissionsWorkflow = createWorkflow(
  forgetStaffPermissionsWorkflowId,
  (input: { user_ids: string[] }) => {
    const removed = forgetStaffPermissionsStep(input)
    when({ removed }, ({ removed }) => removed.length > 0).then(() => {
      emitEventStep({
        eventName: StaffPermissionEvents.FORGOTTEN,
        data: transform({ removed }, ({ removed }) => ({ event_id: randomUUID(), user_ids: removed })),
      })
    })
    return new WorkflowResponse(removed)
  }
)
