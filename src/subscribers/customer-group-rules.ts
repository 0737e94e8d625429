import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  assignDefaultCustomerGroupsWorkflow,
  evaluateCustomerGroupRulesWorkflow,
} from "../workflows/customer-group-rule"

/**
 * Keeps group memberships current: a new account joins the default groups,
 * and every automatic group is re-evaluated for the customer when the
 * customer is created or changed, or places an order.
 */
export default async function customerGroupRules({
  event: { name, data },
  container,
}: SubscriberArgs<{ id: string }>) {
  let customerId: string | null = data.id
  if (name === "order.placed") {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({ entity: "order", fields: ["customer_id"], filters: { id: data.id } })
    customerId = order?.customer_id ?? null
  }
  if (!customerId) {
    return
  }
  if (name === "customer.created") {
    const [customer] = await container
      .resolve(Modules.CUSTOMER)
      .listCustomers({ id: customerId }, { select: ["has_account"] })
    if (customer?.has_account) {
      await assignDefaultCustomerGroupsWorkflow(container).run({ input: { customer_id: customerId } })
    }
  }
  await evaluateCustomerGroupRulesWorkflow(container).run({ input: { customer_ids: [customerId] } })
}

export const config: SubscriberConfig = {
  event: ["customer.created", "customer.updated", "order.placed"],
  context: { subscriberId: "cam-customer-group-rules" },
}
