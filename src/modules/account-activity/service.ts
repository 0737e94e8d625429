import { MedusaError } from "@medusajs/framework/utils"
import { projectClock } from "../../lib/clock"
import type { AccountActivityOptions } from "../../lib/options"
import { ACCOUNT_ACTIVITY_OPTIONS } from "./loaders/options"
import type { ActivityLogRepository } from "./repositories/activity-log"
import type { AccountActivityFilters, AccountActivityRecord, NewAccountActivity } from "./types"

export * from "./types"

/** Longest page the timeline serves. */
export const MAX_ACTIVITY_PAGE = 100
const PRUNE_BATCH = 5000

/**
 * The account activity log. Deliberately not a `MedusaService`: that would
 * generate update, delete, soft-delete and restore methods, and an audit
 * trail must have none. Entries are recorded (idempotently, by `source_key`)
 * and read; only `pruneExpired` removes any, and only those past the
 * retention (`activity.retentionDays`). The SQL lives in the
 * `activityLogRepository`; the database refuses updates and other deletes.
 */
class AccountActivityModuleService {
  protected readonly log: ActivityLogRepository
  protected readonly options_: AccountActivityOptions

  constructor(cradle: Record<string, unknown>) {
    this.log = cradle.activityLogRepository as ActivityLogRepository
    this.options_ = cradle[ACCOUNT_ACTIVITY_OPTIONS] as AccountActivityOptions
  }

  getOptions(): AccountActivityOptions {
    return this.options_
  }

  /** Records entries; returns how many were new (an entry whose `source_key` is stored already is skipped). */
  async recordActivities(entries: NewAccountActivity[]): Promise<number> {
    return this.log.insert(entries, projectClock.now())
  }

  /** One page of a customer's timeline, newest first, with the number of matching entries. */
  async listAndCountActivities(
    filters: AccountActivityFilters,
    { limit = 20, offset = 0 }: { limit?: number; offset?: number } = {}
  ): Promise<[AccountActivityRecord[], number]> {
    if (!filters.customer_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "account activity is listed per customer")
    }
    return this.log.page(filters, { limit: Math.min(Math.max(limit, 1), MAX_ACTIVITY_PAGE), offset: Math.max(offset, 0) })
  }

  /**
   * Erases the personal details of a customer's entries (anonymization):
   * IP, user agent and data go, type, actor and time stay. Returns how many.
   */
  async eraseCustomerDetails(customerId: string): Promise<number> {
    return this.log.eraseDetailsOf(customerId)
  }

  /** Deletes the entries older than the retention; returns how many. */
  async pruneExpired(): Promise<number> {
    const before = new Date(projectClock.now().getTime() - this.options_.activity.retentionDays * 86_400_000)
    return this.log.deleteOlderThan(before, PRUNE_BATCH)
  }
}

export default AccountActivityModuleService
