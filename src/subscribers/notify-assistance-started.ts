import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { ACCOUNT_SECURITY_MODULE } from "../modules/account-security"
import type AccountSecurityModuleService from "../modules/account-security/service"
import { emailContent, emailData, renderEmail } from "../lib/messages"
import { AssistanceEvents } from "../lib/events"
import { customerMailContext } from "../lib/notifications/customer-mail"
import { sendPluginEmail } from "../lib/notifications/stored-notifications"

type AssistanceStartedEvent = {
  event_id: string
  customer_id: string
  user_id: string
  session_id: string
  reason: string
  ends_at: string
}

/** Template of the e-mail that tells a customer store staff signed in as them. */
export const ASSISTANCE_STARTED_TEMPLATE = "customer-assistance-started"

/**
 * Tells the customer that store staff signed in as them (the staff member's
 * first name, the reason, until when), so an assisted session never goes
 * unnoticed; `assistance.notifyCustomer` turns it off.
 */
export default async function notifyAssistanceStarted({
  event: { data },
  container,
}: SubscriberArgs<AssistanceStartedEvent>) {
  const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
  if (!security.assistance.options.notifyCustomer) {
    return
  }
  const [customer] = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: data.customer_id }, { select: ["id", "email"] })
  if (!customer?.email) {
    return
  }
  const [user] = await container
    .resolve(Modules.USER)
    .listUsers({ id: data.user_id }, { select: ["id", "first_name"], withDeleted: true })
  const { first_name, locale, locales } = await customerMailContext(container, data.customer_id)
  const mail = renderEmail(locales, "assistanceStarted", {
    first_name,
    staff_name: user?.first_name ?? null,
    reason: data.reason,
    ends_at: data.ends_at,
  })
  await sendPluginEmail(container, "assisted session notice", {
    to: customer.email,
    channel: "email",
    template: ASSISTANCE_STARTED_TEMPLATE,
    resource_type: "customer",
    resource_id: data.customer_id,
    idempotency_key: `cam-assistance-started:${data.event_id}`,
    content: emailContent(mail),
    data: { email: customer.email, staff_name: user?.first_name ?? null, reason: data.reason, ends_at: data.ends_at, locale, ...emailData(mail) },
  })
}

export const config: SubscriberConfig = {
  event: AssistanceEvents.STARTED,
  context: { subscriberId: "cam-notify-assistance-started" },
}
