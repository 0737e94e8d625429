import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { emailContent, emailData, renderEmail, translate } from "../lib/messages"
import { ACCOUNT_SECURITY_MODULE } from "../modules/account-security"
import { CustomerAccountEvents } from "../modules/account-security/events"
import type AccountSecurityModuleService from "../modules/account-security/service"
import { notificationLocale } from "../workflows/customer-preference/read-preferences"

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
  const { defaultLocale } = container.resolve<AccountSecurityModuleService>(ACCOUNT_SECURITY_MODULE).getOptions()
  const {
    data: [customer],
  } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["first_name"],
    filters: { id: data.customer_id },
  })
  const locale = (await notificationLocale(container, data.customer_id)) ?? defaultLocale
  const mail = renderEmail([locale, defaultLocale], "accountLocked", {
    first_name: customer?.first_name ?? null,
    locked_until: data.locked_until,
  })
  await container.resolve(Modules.NOTIFICATION).createNotifications({
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
