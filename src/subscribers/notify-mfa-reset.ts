import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { emailContent, emailData, renderEmail } from "../lib/messages"
import { CustomerAccountEvents } from "../lib/events"
import { findEmailpassIdentityOf } from "../lib/identity/auth-identity"
import { customerMailContext } from "../lib/notifications/customer-mail"
import { sendPluginEmail } from "../lib/notifications/stored-notifications"

type MfaResetEvent = { event_id: string; customer_id: string; auth_identity_id: string }

/** Template of the e-mail that tells a customer their MFA factors were removed. */
export const MFA_RESET_TEMPLATE = "customer-mfa-reset"

/**
 * Tells the customer that an admin removed their MFA factors (so a reset
 * they did not ask for never goes unnoticed), at their login address, in
 * their language.
 */
export default async function notifyMfaReset({ event: { data }, container }: SubscriberArgs<MfaResetEvent>) {
  const login = await findEmailpassIdentityOf(container, data.auth_identity_id)
  if (!login) {
    return
  }
  const { first_name, locale, locales } = await customerMailContext(container, data.customer_id)
  const mail = renderEmail(locales, "mfaReset", { first_name })
  await sendPluginEmail(container, "MFA reset notice", {
    to: login.entity_id,
    channel: "email",
    template: MFA_RESET_TEMPLATE,
    resource_type: "customer",
    resource_id: data.customer_id,
    // One e-mail per reset, whoever delivers the event twice.
    idempotency_key: `cam-mfa-reset:${data.event_id}`,
    content: emailContent(mail),
    data: { email: login.entity_id, locale, ...emailData(mail) },
  })
}

export const config: SubscriberConfig = {
  event: CustomerAccountEvents.MFA_RESET,
  context: { subscriberId: "cam-notify-mfa-reset" },
}
