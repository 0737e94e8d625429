import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { canonicalLocale, emailContent, emailData, renderEmail, translate } from "../lib/messages"
import { ACCOUNT_SECURITY_MODULE } from "../modules/account-security"
import { UserAccountEvents } from "../lib/events"
import type AccountSecurityModuleService from "../modules/account-security/service"
import { sendPluginEmail } from "../lib/notifications/stored-notifications"

type UserLockedEvent = {
  identifier: string
  user_id: string | null
  locked_until: string | null
  lock_count: number
}

/**
 * A Back Office user's language for e-mails. Medusa 2.21 stores none on the
 * user (the dashboard keeps its language in the browser: the `lng` cookie
 * and localStorage), so the plugin reads `metadata.locale` when an admin
 * app or script has set one (`POST /admin/users/:id` with
 * `{ metadata: { locale: "de-DE" } }`).
 */
const userLocale = (metadata: Record<string, unknown> | null | undefined): string | null =>
  typeof metadata?.locale === "string" ? canonicalLocale(metadata.locale) : null

/**
 * Tells a Back Office user their login was locked after repeated failed
 * attempts (template `user-account-locked`), with the unlock time and how
 * to get in sooner: another admin's unlock, or a password reset; in the
 * user's language (`metadata.locale`, else the `defaultLocale` option). The
 * lock itself never depends on this subscriber.
 */
export default async function notifyUserLocked({
  event: { data },
  container,
}: SubscriberArgs<UserLockedEvent>) {
  if (!data.user_id) {
    return
  }
  const {
    data: [user],
  } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "user",
    fields: ["id", "email", "first_name", "metadata"],
    filters: { id: data.user_id },
  })
  if (!user?.email) {
    return
  }
  const { defaultLocale } = container.resolve<AccountSecurityModuleService>(ACCOUNT_SECURITY_MODULE).getOptions()
  const locale = userLocale(user.metadata) ?? defaultLocale
  const mail = renderEmail([locale, defaultLocale], "userAccountLocked", {
    first_name: user.first_name ?? null,
    locked_until: data.locked_until,
  })
  await sendPluginEmail(container, "Back Office lock e-mail", {
    to: user.email,
    channel: "email",
    template: "user-account-locked",
    resource_type: "user",
    resource_id: user.id,
    receiver_id: user.id,
    content: emailContent(mail),
    data: {
      email: user.email,
      first_name: user.first_name ?? null,
      locked_until: data.locked_until,
      lock_count: data.lock_count,
      unlock_hint: translate(mail.locale, "emails.userAccountLocked.unlockHint", {}),
      locale,
      ...emailData(mail),
    },
  })
}

export const config: SubscriberConfig = {
  event: UserAccountEvents.LOCKED,
}
