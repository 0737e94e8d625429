import type { ActivityActorType, ActivityKind, ActivityType } from "../../types/account-activity"

/** An entry to record. `kind` follows from `type`. */
export type NewAccountActivity = {
  customer_id: string
  type: ActivityType
  actor_type: ActivityActorType
  actor_id?: string | null
  ip?: string | null
  user_agent?: string | null
  data?: Record<string, unknown>
  /** Shown in the customer's own timeline (security entries about their logins and password). */
  customer_visible?: boolean
  /**
   * Names the event this entry records: a second recording with the same key
   * writes nothing (retries, redelivery to another instance).
   */
  source_key?: string | null
  occurred_at?: Date
}

/** A stored entry. */
export type AccountActivityRecord = {
  id: string
  customer_id: string
  kind: ActivityKind
  type: ActivityType
  actor_type: ActivityActorType
  actor_id: string | null
  ip: string | null
  user_agent: string | null
  data: Record<string, unknown>
  customer_visible: boolean
  occurred_at: Date
}

export type AccountActivityFilters = {
  customer_id: string
  kinds?: ActivityKind[]
  /** Only what the customer may see. */
  customer_visible?: boolean
  types?: ActivityType[]
  /** Only entries at or after this instant. */
  since?: Date
  /** Leaves out the entry recorded for this event (the one being looked at). */
  exclude_source_key?: string
}
