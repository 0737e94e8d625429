import { randomUUID } from "node:crypto"
import type {
  CreateNotificationDTO,
  FilterableNotificationProps,
  INotificationModuleService,
  MedusaContainer,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { errorReason } from "../error-reason"
import { isValidEmail } from "../identity/index"

/**
 * The Notification module stores every notification with its data (and
 * `GET /admin/notifications` shows it), but its service type has no update:
 * the method MedusaService generates is used.
 */
export type NotificationStore = INotificationModuleService & {
  updateNotifications(data: { id: string; data: Record<string, unknown> }): Promise<unknown>
}

/**
 * Once the provider has taken (or failed to take) an e-mail that carries a
 * live secret (a reset link, a verification link), overwrites the stored
 * notification's data with `patch` (the link replaced by a placeholder, and
 * the texts rendered with it): no admin API, response or database reader
 * should find the secret there. Finds the notification by its idempotency key.
 */
export async function redactStoredNotification(
  notifications: NotificationStore,
  idempotencyKey: string,
  patch: Record<string, unknown>
): Promise<void> {
  const [stored] = await notifications.listNotifications(
    // A column the module filters by, though its filter type omits it.
    { idempotency_key: idempotencyKey } as FilterableNotificationProps,
    { select: ["id", "data"] }
  )
  if (stored) {
    await notifications.updateNotifications({ id: stored.id, data: { ...(stored.data ?? {}), ...patch } })
  }
}

/** Fills `{token}` and `{email}` in a configured storefront URL, URL-encoded. */
export function fillLinkTemplate(template: string, token: string, email: string): string {
  return template.replaceAll("{token}", encodeURIComponent(token)).replaceAll("{email}", encodeURIComponent(email))
}

/**
 * The one way the plugin sends an e-mail: through the Notification module's
 * `email` channel, to exactly one syntactically valid address (lib/identity:
 * one `@`, no CR/LF, commas, angle brackets or spaces, RFC 5321 lengths).
 * Any other recipient (an identity registered before the plugin as
 * `"a@x, b@y"` or with a header in it) gets nothing, and the refusal is
 * logged without the address. Returns whether the e-mail was handed over.
 */
export async function sendPluginEmail(
  container: MedusaContainer,
  what: string,
  notification: CreateNotificationDTO
): Promise<boolean> {
  if (!isValidEmail(notification.to)) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`medusa-customer-accounts: did not send the ${what}: its recipient is not one valid e-mail address`)
    return false
  }
  await container.resolve(Modules.NOTIFICATION).createNotifications(notification)
  return true
}

/**
 * Sends an e-mail that carries a live secret (a reset token, a verification
 * code) with {@link sendPluginEmail}, then redacts the stored copy with
 * `redacted` (the data as it should remain), whether the provider took it or
 * not. A failure is rethrown with its cause only: a database error's message
 * is the failed INSERT with its values, and the event bus logs it.
 */
export async function sendSecretEmail(
  container: MedusaContainer,
  {
    secret,
    what,
    notification,
    redacted,
  }: { secret: string; what: string; notification: CreateNotificationDTO; redacted: Record<string, unknown> }
): Promise<void> {
  const notifications = container.resolve(Modules.NOTIFICATION) as NotificationStore
  const idempotencyKey = `cam-${randomUUID()}`
  try {
    await sendPluginEmail(container, what, { ...notification, idempotency_key: idempotencyKey })
  } catch (error) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `medusa-customer-accounts: could not send the ${what}: ${errorReason(error)
        .replaceAll(secret, "<secret>")
        .replaceAll(encodeURIComponent(secret), "<secret>")}`
    )
  } finally {
    await redactStoredNotification(notifications, idempotencyKey, redacted)
  }
}
