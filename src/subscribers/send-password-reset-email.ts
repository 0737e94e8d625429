import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { emailContent, emailData, renderEmail, type EmailParams } from "../lib/messages"
import { ACCOUNT_SECURITY_MODULE } from "../modules/account-security"
import type AccountSecurityModuleService from "../modules/account-security/service"
import { addressVerified } from "../lib/notifications/customer-mail"
import { notificationLocale } from "../lib/customer-preferences/read-preferences"
import { actorIdOf, findEmailpassIdentity } from "../lib/identity/auth-identity"
import { isAdminResetRequest } from "../lib/password-reset/reset-request"
import { fillLinkTemplate, sendSecretEmail } from "../lib/notifications/stored-notifications"

type PasswordResetEvent = {
  entity_id: string
  actor_type: string
  token: string
  metadata?: Record<string, unknown>
}

/** What a stored reset notification shows instead of the link once the provider took it. */
export const REDACTED_RESET_URL = "[redacted once delivered: a live reset link]"

/** Medusa signs reset tokens for 15 minutes (`generateResetPasswordTokenWorkflow`; not configurable). */
export const RESET_LINK_VALID_MINUTES = 15

/**
 * E-mails a customer the reset link after Medusa issued a reset token
 * (`auth.password_reset`), through the Notification module's `email` channel,
 * then redacts the link in the stored notification. Subject, text and HTML
 * are written in the customer's language (see `notificationLocale`, then the
 * `defaultLocale` option; English when the plugin does not speak it): as
 * `content` for providers that send it as is, and in `data` for templates.
 */
export default async function sendPasswordResetEmail({
  event: { data },
  container,
}: SubscriberArgs<PasswordResetEvent>) {
  if (data.actor_type !== "customer") {
    return
  }
  const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
  const {
    passwordReset: { resetPasswordUrl, templateId },
    defaultLocale,
  } = security.getOptions()
  // A customer-branded link only for an identity that has a customer: a Back
  // Office user's login (customers and users share emailpass identities)
  // never gets one, since it would set the user's password.
  const identity = await findEmailpassIdentity(container, data.entity_id)
  const customerId = actorIdOf(identity, "customer")
  if (!identity || !customerId) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: ["id", "first_name", "last_name"],
    filters: { id: customerId },
  })
  if (!customer) {
    return
  }
  // Text the requester chose goes only to an address someone verified:
  // anyone can register a stranger's address under any name.
  const verified = await addressVerified(container, identity)
  const firstName = verified ? customer.first_name ?? null : null

  // For localized templates: the customer's preference, else the store's,
  // else the plugin's. The texts take the first of these the plugin speaks.
  const locale = (await notificationLocale(container, customer.id)) ?? defaultLocale
  const resetUrl = fillLinkTemplate(resetPasswordUrl, data.token, data.entity_id)
  const params: EmailParams["passwordReset"] = {
    first_name: firstName,
    reset_url: resetUrl,
    valid_minutes: RESET_LINK_VALID_MINUTES,
    requested_by: isAdminResetRequest(container, data) ? "admin" : "customer",
  }
  const mail = renderEmail([locale, defaultLocale], "passwordReset", params)
  const redacted = renderEmail([locale, defaultLocale], "passwordReset", { ...params, reset_url: REDACTED_RESET_URL })

  await sendSecretEmail(container, {
    secret: data.token,
    what: "password reset e-mail",
    notification: {
      to: data.entity_id,
      channel: "email",
      template: templateId,
      resource_type: "customer",
      resource_id: customer.id,
      content: emailContent(mail),
      data: {
        email: data.entity_id,
        reset_url: resetUrl,
        first_name: params.first_name,
        last_name: verified ? customer.last_name ?? null : null,
        requested_by: params.requested_by,
        locale,
        ...emailData(mail),
      },
    },
    redacted: { reset_url: REDACTED_RESET_URL, ...emailData(redacted) },
  })
}

export const config: SubscriberConfig = {
  event: "auth.password_reset",
}
