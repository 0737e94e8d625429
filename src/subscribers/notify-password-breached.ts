import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { emailContent, emailData, renderEmail } from "../lib/messages"
import { CustomerPasswordEvents } from "../lib/events"
import { findEmailpassIdentityOf } from "../lib/identity/auth-identity"
import { customerMailContext } from "../lib/notifications/customer-mail"
import { sendPluginEmail } from "../lib/notifications/stored-notifications"

type PasswordBreachedEvent = { customer_id: string; auth_identity_id: string; detected_at: string }

/** Template of the e-mail that asks a customer to change a password found in a data breach. */
export const PASSWORD_BREACHED_TEMPLATE = "customer-password-breached"

/**
 * Asks the customer to change their password after a login showed it is
 * known from data breaches elsewhere (`breachedPasswords.checkOnLogin`), at
 * the identity's login address, in their language. Once per exposure.
 */
export default async function notifyPasswordBreached({
  event: { data },
  container,
}: SubscriberArgs<PasswordBreachedEvent>) {
  const login = await findEmailpassIdentityOf(container, data.auth_identity_id)
  if (!login) {
    return
  }
  const { first_name, locale, locales } = await customerMailContext(container, data.customer_id)
  const mail = renderEmail(locales, "passwordBreached", { first_name })
  await sendPluginEmail(container, "breached password notice", {
    to: login.entity_id,
    channel: "email",
    template: PASSWORD_BREACHED_TEMPLATE,
    resource_type: "customer",
    resource_id: data.customer_id,
    idempotency_key: `cam-password-breached:${data.auth_identity_id}:${data.detected_at}`,
    content: emailContent(mail),
    data: { email: login.entity_id, locale, ...emailData(mail) },
  })
}

export const config: SubscriberConfig = {
  event: CustomerPasswordEvents.PASSWORD_BREACHED,
  context: { subscriberId: "cam-notify-password-breached" },
}
