import { randomUUID } from "node:crypto"
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { FilterableNotificationProps, INotificationModuleService } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { emailContent, emailData, renderEmail, type EmailParams, type RenderedEmail } from "../lib/messages"
import { ACCOUNT_SECURITY_MODULE } from "../modules/account-security"
import { errorReason } from "../lib/error-reason"
import type AccountSecurityModuleService from "../modules/account-security/service"
import { notificationLocale } from "../workflows/customer-preference/read-preferences"

type PasswordResetEvent = {
  entity_id: string
  actor_type: string
  token: string
  metadata?: Record<string, unknown>
}

/** Fills `{token}` and `{email}` in the configured storefront URL. */
export function buildResetUrl(template: string, token: string, email: string): string {
  return template
    .replaceAll("{token}", encodeURIComponent(token))
    .replaceAll("{email}", encodeURIComponent(email))
}

/** What a stored reset notification shows instead of the link once the provider took it. */
export const REDACTED_RESET_URL = "[redacted once delivered: a live reset link]"

/** Medusa signs reset tokens for 15 minutes (`generateResetPasswordTokenWorkflow`; not configurable). */
export const RESET_LINK_VALID_MINUTES = 15

/** The e-mail's texts as notification data (template providers read them there). */
const textsOf = (mail: RenderedEmail) => ({
  ...emailData(mail),
})

/**
 * The Notification module stores every notification with its data (and
 * `GET /admin/notifications` shows it), but its service type has no update:
 * the method MedusaService generates is used.
 */
type NotificationStore = INotificationModuleService & {
  updateNotifications(data: { id: string; data: Record<string, unknown> }): Promise<unknown>
}

/**
 * Once the provider has taken (or failed to take) a reset e-mail, replaces
 * the link in the stored notification, in `reset_url` and in the texts
 * (`redacted`: the same e-mail rendered with the placeholder): no admin API,
 * response or database reader should find a live reset token there.
 */
async function redactStoredResetLink(
  notifications: NotificationStore,
  idempotencyKey: string,
  redacted: RenderedEmail
) {
  const [stored] = await notifications.listNotifications(
    // A column the module filters by, though its filter type omits it.
    { idempotency_key: idempotencyKey } as FilterableNotificationProps,
    { select: ["id", "data"] }
  )
  if (stored) {
    await notifications.updateNotifications({
      id: stored.id,
      data: { ...(stored.data ?? {}), reset_url: REDACTED_RESET_URL, ...emailData(redacted) },
    })
  }
}

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
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: ["id", "first_name", "last_name"],
    filters: { email: data.entity_id, has_account: true },
  })

  // For localized templates: the customer's preference, else the store's,
  // else the plugin's. The texts take the first of these the plugin speaks.
  const locale = (await notificationLocale(container, customer?.id)) ?? defaultLocale
  const resetUrl = buildResetUrl(resetPasswordUrl, data.token, data.entity_id)
  const params: EmailParams["passwordReset"] = {
    first_name: customer?.first_name ?? null,
    reset_url: resetUrl,
    valid_minutes: RESET_LINK_VALID_MINUTES,
    requested_by: data.metadata?.requested_by === "admin" ? "admin" : "customer",
  }
  const mail = renderEmail([locale, defaultLocale], "passwordReset", params)
  const redacted = renderEmail([locale, defaultLocale], "passwordReset", { ...params, reset_url: REDACTED_RESET_URL })

  const notifications = container.resolve(Modules.NOTIFICATION) as NotificationStore
  const idempotencyKey = `cam-password-reset-${randomUUID()}`
  try {
    await notifications.createNotifications({
      idempotency_key: idempotencyKey,
      to: data.entity_id,
      channel: "email",
      template: templateId,
      resource_type: "customer",
      resource_id: customer?.id,
      content: emailContent(mail),
      data: {
        email: data.entity_id,
        reset_url: resetUrl,
        first_name: params.first_name,
        last_name: customer?.last_name ?? null,
        requested_by: params.requested_by,
        locale,
        ...emailData(mail),
      },
    })
  } catch (error) {
    // The event bus logs a failed subscriber's error message, and a database
    // error's message is the failed INSERT with its values: the e-mail and
    // the live reset link. Rethrow with the cause only, token-free.
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `medusa-customer-accounts: could not send the password reset e-mail: ${errorReason(error)
        .replaceAll(data.token, "<reset token>")
        .replaceAll(encodeURIComponent(data.token), "<reset token>")}`
    )
  } finally {
    await redactStoredResetLink(notifications, idempotencyKey, redacted)
  }
}

export const config: SubscriberConfig = {
  event: "auth.password_reset",
}
