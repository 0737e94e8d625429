import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { emailContent, emailData, renderEmail } from "../lib/messages"
import { CustomerAccountEvents } from "../lib/events"
import { customerMailContext } from "../lib/notifications/customer-mail"
import { sendPluginEmail } from "../lib/notifications/stored-notifications"

type EmailChangedEvent = { event_id: string; customer_id: string; from: string; to: string }

/** Template of the notice the previous address gets after a change of login address. */
export const EMAIL_CHANGED_TEMPLATE = "customer-email-changed"

/**
 * Tells the previous address that the login moved away from it, so a change
 * the owner did not make never goes unnoticed.
 */
export default async function notifyEmailChanged({ event: { data }, container }: SubscriberArgs<EmailChangedEvent>) {
  const { first_name, locale, locales } = await customerMailContext(container, data.customer_id)
  const mail = renderEmail(locales, "emailChanged", { first_name, new_email: data.to })
  await sendPluginEmail(container, "address change notice", {
    to: data.from,
    channel: "email",
    template: EMAIL_CHANGED_TEMPLATE,
    resource_type: "customer",
    resource_id: data.customer_id,
    idempotency_key: `cam-email-changed:${data.event_id}`,
    content: emailContent(mail),
    data: { email: data.from, new_email: data.to, locale, ...emailData(mail) },
  })
}

export const config: SubscriberConfig = {
  event: CustomerAccountEvents.EMAIL_CHANGED,
  context: { subscriberId: "cam-notify-email-changed" },
}
