import { randomUUID } from "node:crypto"
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { FilterableNotificationProps, INotificationModuleService } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { ACCOUNT_SECURITY_MODULE } from "../modules/account-security"
import { errorReason } from "../utils/error-reason"
import type AccountSecurityModuleService from "../modules/account-security/service"
import { notificationLocale } from "../utils/customer-preferences"

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
 * the link in the stored notification: no admin API, response or database
 * reader should find a live reset token there.
 */
async function redactStoredResetLink(notifications: NotificationStore, idempotencyKey: string) {
  const [stored] = await notifications.listNotifications(
    // A column the module filters by, though its filter type omits it.
    { idempotency_key: idempotencyKey } as FilterableNotificationProps,
    { select: ["id", "data"] }
  )
  if (stored) {
    await notifications.updateNotifications({
      id: stored.id,
      data: { ...(stored.data ?? {}), reset_url: REDACTED_RESET_URL },
    })
  }
}

/**
 * E-mails a customer the reset link after Medusa issued a reset token
 * (`auth.password_reset`), through the Notification module's `email` channel,
 * then redacts the link in the stored notification.
 */
export default async function sendPasswordResetEmail({
  event: { data },
  container,
}: SubscriberArgs<PasswordResetEvent>) {
  if (data.actor_type !== "customer") {
    return
  }
  const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
  const { resetPasswordUrl, templateId } = security.getOptions().passwordReset
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: ["id", "first_name", "last_name"],
    filters: { email: data.entity_id, has_account: true },
  })

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
      data: {
        email: data.entity_id,
        reset_url: buildResetUrl(resetPasswordUrl, data.token, data.entity_id),
        first_name: customer?.first_name ?? null,
        last_name: customer?.last_name ?? null,
        requested_by: data.metadata?.requested_by === "admin" ? "admin" : "customer",
        // For localized templates: the customer's preference, else the store's.
        locale: await notificationLocale(container, customer?.id),
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
    await redactStoredResetLink(notifications, idempotencyKey)
  }
}

export const config: SubscriberConfig = {
  event: "auth.password_reset",
}
