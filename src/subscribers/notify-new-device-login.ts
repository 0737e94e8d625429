import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { projectClock } from "../lib/clock"
import { ipNetwork } from "../lib/ip-address"
import { emailContent, emailData, renderEmail } from "../lib/messages"
import { ACCOUNT_ACTIVITY_MODULE } from "../modules/account-activity"
import type AccountActivityModuleService from "../modules/account-activity/service"
import { CustomerAccountEvents } from "../lib/events"
import { notificationLocale } from "../lib/customer-preferences/read-preferences"
import { loginAddressVerified } from "../lib/notifications/customer-mail"
import { sendPluginEmail } from "../lib/notifications/stored-notifications"

type LoginSucceeded = {
  identifier: string
  customer_id: string | null
  attempt_id: string
  ip: string | null
  user_agent: string | null
}

/** Earlier logins looked at; a customer with more in the look-back window is judged on the newest. */
const RECENT_LOGINS = 100
/** Longest device description in the e-mail (the user agent is the client's to choose). */
const MAX_DEVICE = 120

/**
 * With `activity.notifyNewDeviceLogin`, e-mails a customer after a
 * successful login whose user agent and IP network (IPv4 /24, IPv6 /48)
 * appear together in none of their successful logins of the last
 * `newDeviceLookbackDays` days. An account's very first login sends
 * nothing. Runs after the answer; the login never waits for it.
 */
export default async function notifyNewDeviceLogin({ event: { data }, container }: SubscriberArgs<LoginSucceeded>) {
  const activity: AccountActivityModuleService = container.resolve(ACCOUNT_ACTIVITY_MODULE)
  const { activity: options, defaultLocale } = activity.getOptions()
  if (!options.notifyNewDeviceLogin || !data.customer_id) {
    return
  }
  const earlierLogins = {
    customer_id: data.customer_id,
    types: ["login.succeeded" as const],
    exclude_source_key: `login.succeeded:${data.attempt_id}`,
  }
  const since = new Date(projectClock.now().getTime() - options.newDeviceLookbackDays * 86_400_000)
  const [recent] = await activity.listAndCountActivities({ ...earlierLogins, since }, { limit: RECENT_LOGINS })
  // None in the window: a first login ever (nothing to warn about), or a return after a long while.
  if (!recent.length && !(await activity.listAndCountActivities(earlierLogins, { limit: 1 }))[1]) {
    return
  }
  const network = data.ip ? ipNetwork(data.ip) : null
  const seen = recent.some(
    (login) => login.user_agent === data.user_agent && (login.ip ? ipNetwork(login.ip) : null) === network
  )
  if (seen) {
    return
  }

  const {
    data: [customer],
  } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["email", "first_name"],
    filters: { id: data.customer_id },
  })
  if (!customer) {
    return
  }
  const locale = (await notificationLocale(container, data.customer_id)) ?? defaultLocale
  // The name and the browser's self-description are text the one who logs
  // in chose: only for an address someone verified.
  const verified = await loginAddressVerified(container, data.customer_id, customer.email)
  const device = verified && data.user_agent ? data.user_agent.slice(0, MAX_DEVICE) : null
  const mail = renderEmail([locale, defaultLocale], "newDeviceLogin", {
    first_name: verified ? customer.first_name ?? null : null,
    at: projectClock.now().toISOString(),
    ip: data.ip,
    device,
  })
  await sendPluginEmail(container, "new sign-in e-mail", {
    to: customer.email,
    channel: "email",
    template: options.newDeviceTemplateId,
    resource_type: "customer",
    resource_id: data.customer_id,
    idempotency_key: `cam-new-device-${data.attempt_id}`,
    content: emailContent(mail),
    data: { email: customer.email, ip: data.ip, user_agent: data.user_agent, locale, ...emailData(mail) },
  })
}

export const config: SubscriberConfig = {
  event: CustomerAccountEvents.LOGIN_SUCCEEDED,
  context: { subscriberId: "cam-notify-new-device-login" },
}
