import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { forgetCustomerGroupsWorkflow } from "../workflows/customer-group-rule"

/**
 * Medusa's customer module emits its internal event
 * `customer.customer-group.deleted` (`{ id }`, one per group; named
 * `<module>.<model>.<action>` by Medusa's module event builder) for every
 * group it deletes, whatever deleted it (the admin route, a workflow, custom
 * code): the group then leaves the default groups and its rules go.
 */
export const CUSTOMER_GROUP_DELETED = "customer.customer-group.deleted"

export default async function forgetDeletedCustomerGroups({
  event: { data },
  container,
}: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const ids = [data].flat().map((group) => group.id).filter(Boolean)
  if (ids.length) {
    await forgetCustomerGroupsWorkflow(container).run({ input: { customer_group_ids: ids } })
  }
}

export const config: SubscriberConfig = {
  event: CUSTOMER_GROUP_DELETED,
  context: { subscriberId: "cam-forget-deleted-customer-groups" },
}
