import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { forgetStaffPermissionsWorkflow } from "../workflows/staff-permissions"

/** A deleted Back Office user's staff permissions go with them (Medusa's `user.deleted`). */
export default async function forgetDeletedUserPermissions({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await forgetStaffPermissionsWorkflow(container).run({ input: { user_ids: [data.id] } })
}

export const config: SubscriberConfig = {
  event: "user.deleted",
  context: { subscriberId: "cam-forget-deleted-user-permissions" },
}
