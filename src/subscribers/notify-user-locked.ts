import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { UserAccountEvents } from "../modules/account-security/events"

type UserLockedEvent = {
  identifier: string
  user_id: string | null
  locked_until: string | null
  lock_count: number
}

/**
 * Tells a Back Office user their login was locked after repeated failed
 * attempts (template `user-account-locked`), with the unlock time and how
 * to get in sooner: another admin's unlock, or a password reset. The lock
 * itself never depends on this subscriber.
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
    fields: ["id", "email", "first_name"],
    filters: { id: data.user_id },
  })
  if (!user?.email) {
    return
  }
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: user.email,
    channel: "email",
    template: "user-account-locked",
    resource_type: "user",
    resource_id: user.id,
    receiver_id: user.id,
    data: {
      email: user.email,
      first_name: user.first_name ?? null,
      locked_until: data.locked_until,
      lock_count: data.lock_count,
      unlock_hint: "Another admin can unlock your account, or reset your password to unlock it right away.",
    },
  })
}

export const config: SubscriberConfig = {
  event: UserAccountEvents.LOCKED,
}
