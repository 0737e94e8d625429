import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { emailContent, emailData, renderEmail } from "../lib/messages"
import { ACCOUNT_SECURITY_MODULE } from "../modules/account-security"
import { CustomerAccountEvents } from "../modules/account-security/events"
import type AccountSecurityModuleService from "../modules/account-security/service"
import { findEmailpassIdentityOf } from "../workflows/customer-password/auth-identity"
import { notificationLocale } from "../workflows/customer-preference/read-preferences"

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
  const { defaultLocale } = container.resolve<AccountSecurityModuleService>(ACCOUNT_SECURITY_MODULE).getOptions()
  const {
    data: [customer],
  } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["first_name"],
    filters: { id: data.customer_id },
  })
  const locale = (await notificationLocale(container, data.customer_id)) ?? defaultLocale
  const mail = renderEmail([locale, defaultLocale], "mfaReset", { first_name: customer?.first_name ?? null })
  await container.resolve(Modules.NOTIFICATION).createNotifications({
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
