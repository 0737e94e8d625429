import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { CustomerAccountEvents } from "../modules/account-security/events"
import { notificationLocale } from "../utils/customer-preferences"
import { createCustomerNotesWorkflow } from "../workflows/customer-note"

type AccountLockedEvent = {
  identifier: string
  customer_id: string | null
  locked_until: string | null
  lock_count: number
}

/** Author id of notes the plugin writes by itself. */
export const SYSTEM_AUTHOR_ID = "system"

/**
 * Tells a real customer their account was locked (with the unlock time and
 * a hint that a password reset lifts the lock) and leaves a system note for
 * the Back Office. Unknown identifiers get nothing. The lock itself never
 * depends on this subscriber.
 */
export default async function notifyAccountLocked({
  event: { data },
  container,
}: SubscriberArgs<AccountLockedEvent>) {
  if (!data.customer_id) {
    return
  }
  // Notes are plain text: a readable UTC time rather than an ISO string.
  const until = data.locked_until ? new Date(data.locked_until).toUTCString() : "later"
  await createCustomerNotesWorkflow(container).run({
    input: {
      notes: [
        {
          customer_id: data.customer_id,
          author_id: SYSTEM_AUTHOR_ID,
          is_system: true,
          body: `Account locked until ${until} after repeated failed logins (lock #${data.lock_count} in 24 h).`,
        },
      ],
    },
  })
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: data.identifier,
    channel: "email",
    template: "customer-account-locked",
    resource_type: "customer",
    resource_id: data.customer_id,
    data: {
      email: data.identifier,
      locked_until: data.locked_until,
      reset_hint: "Reset your password to unlock your account right away.",
      locale: await notificationLocale(container, data.customer_id),
    },
  })
}

export const config: SubscriberConfig = {
  event: CustomerAccountEvents.LOCKED,
}
