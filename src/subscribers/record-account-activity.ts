import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { errorReason } from "../lib/error-reason"
import { ACTIVITY_EVENTS, activityEntriesFor } from "../lib/activity/entries"
import { recordAccountActivitiesWorkflow } from "../workflows/account-activity"

/** Tries per event before the failure is logged (recording twice is harmless: entries are keyed). */
const ATTEMPTS = 3
const BACKOFF_MS = 200

/**
 * Writes the account activity timeline from the events the plugin and Medusa
 * emit: logins, locks, passwords, preferences, group memberships, notes.
 * Runs after the request that caused them has been answered, so it never
 * slows or fails it; a failed write is retried, then logged.
 */
export default async function recordAccountActivity({
  event: { name, data },
  container,
}: SubscriberArgs<Record<string, unknown>>) {
  for (let attempt = 1; ; attempt++) {
    try {
      const entries = await activityEntriesFor(container, name, data ?? {})
      if (entries.length) {
        await recordAccountActivitiesWorkflow(container).run({ input: { entries } })
      }
      return
    } catch (error) {
      if (attempt >= ATTEMPTS) {
        container
          .resolve(ContainerRegistrationKeys.LOGGER)
          .error(`medusa-customer-accounts: could not record account activity for ${name}: ${errorReason(error)}`)
        return
      }
      await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS * 2 ** (attempt - 1)))
    }
  }
}

export const config: SubscriberConfig = {
  event: [...ACTIVITY_EVENTS],
  context: { subscriberId: "cam-record-account-activity" },
}
