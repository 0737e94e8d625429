import { randomUUID } from "node:crypto"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { StaffPermissionEvents } from "../../../lib/events"
import { sortedCapabilities, type Capability } from "../../../lib/permissions/capabilities"
import { recordStaffPermissionChangeStep } from "../steps/record-staff-permission-change"
import { replaceStaffPermissionsStep } from "../steps/replace-staff-permissions"
import { validateStaffPermissionsStep } from "../steps/validate-staff-permissions"

export type SetStaffPermissionsWorkflowInput = {
  /** The Back Office user whose capabilities are replaced. */
  user_id: string
  capabilities: Capability[]
  /** The Back Office user who grants them (holds `permissions.manage`). */
  actor_id: string
}

export const setStaffPermissionsWorkflowId = "cam-set-staff-permissions"

/**
 * Replaces a Back Office user's capabilities, records who changed what on
 * the audit trail, and emits `staff_permissions.updated`. Refused (nothing
 * written) for an unknown user, or when the actor would take away the last
 * `permissions.manage` of the shop from themselves.
 *
 * @example
 * await setStaffPermissionsWorkflow(container).run({
 *   input: { user_id: "user_2", capabilities: ["security.unlock", "security.reset_link"], actor_id: "user_1" },
 * })
 */
export const setStaffPermissionsWorkflow = createWorkflow(
  setStaffPermissionsWorkflowId,
  (input: SetStaffPermissionsWorkflowInput) => {
    const capabilities = transform({ input }, ({ input }) => sortedCapabilities(input.capabilities))
    validateStaffPermissionsStep({ user_id: input.user_id, capabilities, actor_id: input.actor_id })
    const replaced = replaceStaffPermissionsStep({ user_id: input.user_id, capabilities })
    const change = recordStaffPermissionChangeStep(
      transform({ input, replaced }, ({ input, replaced }) => ({
        user_id: input.user_id,
        actor_id: input.actor_id,
        before: replaced.before,
        after: replaced.after,
      }))
    )
    emitEventStep({
      eventName: StaffPermissionEvents.UPDATED,
      data: transform({ input, replaced }, ({ input, replaced }) => ({
        event_id: randomUUID(),
        user_id: input.user_id,
        actor_id: input.actor_id,
        before: replaced.before,
        after: replaced.after,
      })),
    })
    return new WorkflowResponse(
      transform({ replaced, change }, ({ replaced, change }) => ({ capabilities: replaced.after, change_id: change.id }))
    )
  }
)
