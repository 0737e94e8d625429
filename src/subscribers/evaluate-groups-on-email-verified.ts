import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerAccountEvents } from "../lib/events"
import { evaluateCustomerGroupRulesWorkflow } from "../workflows/customer-group-rule"
import { customerIdOfIdentity } from "../lib/identity/auth-identity"

/**
 * A verified address can make the customer match an `email_domain` rule
 * (verified addresses only): the automatic groups are evaluated again for
 * the identity's customer account.
 */
export default async function evaluateGroupsOnEmailVerified({
  event: { data },
  container,
}: SubscriberArgs<{ auth_identity_id?: string }>) {
  if (!data.auth_identity_id) {
    return
  }
  const customerId = await customerIdOfIdentity(container, data.auth_identity_id)
  if (customerId) {
    await evaluateCustomerGroupRulesWorkflow(container).run({ input: { customer_ids: [customerId] } })
  }
}

export const config: SubscriberConfig = {
  event: CustomerAccountEvents.EMAIL_VERIFIED,
  context: { subscriberId: "cam-evaluate-groups-on-email-verified" },
}
