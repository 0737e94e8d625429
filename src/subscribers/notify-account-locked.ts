import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { emailContent, emailData, renderEmail, translate } from "../lib/messages"
import { CustomerAccountEvents } from "../lib/events"
import { customerMailContext } from "../lib/notifications/customer-mail"
import { sendPluginEmail } from "../lib/notifications/stored-notifications"

type AccountLockedEvent = {
  identifier: string
  customer_id: string | null
  locked_until: string | null
  lock_count: number
}

/**
 * Tells a real customer their account was locked (with the unlock time and
 * a hint that a password reset lifts the lock), in their language (see
 * `notificationLocale`, then the `defaultLocale` option). The Back Office
 * reads the lock in the customer's activity timeline. Unknown identifiers
 * get nothing. The lock itself never depends on this subscriber.
 */
export default async function notifyAccountLocked({
  event: { data },
  container,
}: SubscriberArgs<AccountLockedEvent>) {
  if (!data.customer_id) {
    return
  }
  const { first_name, locale, locales } = await customerMailContext(container, data.customer_id)
  const mail = renderEmail(locales, "accountLocked", { first_name, locked_until: data.locked_until })
  await sendPluginEmail(container, "account lock e-mail", {
    to: data.identifier,
    channel: "email",
    template: "customer-account-locked",
    resource_type: "customer",
    resource_id: data.customer_id,
    content: emailContent(mail),
    data: {
      email: data.identifier,
      locked_until: data.locked_until,
      reset_hint: translate(mail.locale, "emails.accountLocked.resetHint", {}),
      locale,
      ...emailData(mail),
    },
  })
}

export const config: SubscriberConfig = {
  event: CustomerAccountEvents.LOCKED,
}
