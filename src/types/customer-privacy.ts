import type { CustomerPreferences } from "./customer-preference"

/**
 * Everything the shop holds about one customer (`GET /admin/customers/:id/export`,
 * `GET /store/customers/me/export`). `export_version` changes whenever a field
 * changes meaning or goes; new fields may appear within a version.
 */
export type CustomerDataExport = {
  export_version: 1
  exported_at: string
  customer: {
    id: string
    email: string | null
    first_name: string | null
    last_name: string | null
    phone: string | null
    company_name: string | null
    has_account: boolean
    metadata: Record<string, unknown> | null
    created_at: string | null
    updated_at: string | null
  }
  addresses: Record<string, unknown>[]
  groups: { id: string; name: string | null }[]
  orders: {
    id: string
    display_id: number | null
    status: string | null
    email: string | null
    currency_code: string | null
    created_at: string | null
  }[]
  account: {
    logins: { provider: string; entity_id: string }[]
    email_verifications: { email: string; requested_at: string | null; verified_at: string | null }[]
    mfa_factors: { provider: string; status: string; created_at: string | null }[]
  }
  preferences: CustomerPreferences | null
  /** Back Office notes (`privacy.exportIncludesNotes`), written by "staff" (never a named staff member). */
  notes: { id: string; body: string; pinned: boolean; author: "staff"; created_at: string | null; updated_at: string | null }[]
  login_attempts: {
    identifier: string
    actor_type: string | null
    outcome: string
    ip: string | null
    user_agent: string | null
    attempted_at: string | null
    /** Refused attempts are counted per minute: how many this entry stands for, and the last one's time. */
    count: number
    last_attempted_at: string | null
  }[]
  activity: Record<string, unknown>[]
  /** Whether a history had more entries than one export carries (10,000 each). */
  truncated: { notes: boolean; login_attempts: boolean; activity: boolean }
}

/**
 * A customer's erasure state: `requested` by the customer (an admin
 * confirms), `erasing` (an anonymization started and has not finished:
 * `erasure_running` while a run holds it; otherwise the run failed and
 * running it again finishes it), or `anonymized`.
 */
export type CustomerPrivacyState = {
  customer_id: string
  status: "active" | "requested" | "erasing" | "anonymized"
  requested_at: string | null
  erasure_started_at: string | null
  erasure_running: boolean
  anonymized_at: string | null
  /** The customer's current e-mail (what the admin types to confirm); null once anonymized. */
  email: string | null
}

export type AdminCustomerPrivacyResponse = { privacy: CustomerPrivacyState }
/**
 * Erasures waiting for an admin (`GET /admin/customer-accounts/erasure-requests`):
 * unfinished ones first (`erasing`, a run failed or runs now), then the
 * customers' requests, oldest first.
 */
export type AdminErasureRequestsResponse = {
  erasure_requests: {
    customer_id: string
    status: "requested" | "erasing"
    email: string | null
    first_name: string | null
    last_name: string | null
    requested_at: string | null
    erasure_started_at: string | null
    erasure_running: boolean
  }[]
  /** How many wait in all (the list shows the oldest 200 requests and every unfinished erasure). */
  count: number
}

export type AdminAnonymizeCustomerResponse = { customer_id: string; anonymized_at: string }
export type StoreAnonymizeResponse =
  | { anonymization: { status: "requested"; requested_at: string } }
  | { anonymization: { status: "erasing"; erasure_started_at: string } }
  | { anonymization: { status: "anonymized"; anonymized_at: string } }
